export default definePageConfig({
  navigationBarTitleText: '任务完成情况',
});
