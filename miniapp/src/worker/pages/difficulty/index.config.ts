export default definePageConfig({
  navigationBarTitleText: '我有困难',
});
