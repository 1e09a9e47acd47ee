export default definePageConfig({
  navigationBarTitleText: '个人信息使用记录',
});
