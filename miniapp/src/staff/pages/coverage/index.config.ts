export default definePageConfig({
  navigationBarTitleText: '人岗匹配情况',
});
