export default definePageConfig({
  navigationBarTitleText: '更新本月情况',
});
