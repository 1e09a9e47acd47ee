export default definePageConfig({
  navigationBarTitleText: '同意给我看信息的求职者',
});
