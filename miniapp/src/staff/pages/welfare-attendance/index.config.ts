export default definePageConfig({
  navigationBarTitleText: '记考勤',
});
