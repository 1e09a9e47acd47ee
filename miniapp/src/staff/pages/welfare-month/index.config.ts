export default definePageConfig({
  navigationBarTitleText: '考勤与诚信提示',
});
