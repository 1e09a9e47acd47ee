export default definePageConfig({
  navigationBarTitleText: '村就业服务点',
});
