export default definePageConfig({
  navigationBarTitleText: '我的岗位',
});
