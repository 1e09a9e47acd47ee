export default definePageConfig({
  navigationBarTitleText: '申领进度',
});
