export default definePageConfig({
  navigationBarTitleText: '扫码看求职者',
});
