export default definePageConfig({
  navigationBarTitleText: '岗位和报名的人',
});
