export default definePageConfig({
  navigationBarTitleText: '扫码服务',
});
