export default definePageConfig({
  navigationBarTitleText: '发放补贴',
});
