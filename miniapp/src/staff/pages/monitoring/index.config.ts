export default definePageConfig({
  navigationBarTitleText: '务工监测',
});
