export default definePageConfig({
  navigationBarTitleText: '公益岗位考勤',
});
