export default definePageConfig({
  navigationBarTitleText: '帮扶就业',
});
