export default definePageConfig({
  navigationBarTitleText: '预警任务',
});
