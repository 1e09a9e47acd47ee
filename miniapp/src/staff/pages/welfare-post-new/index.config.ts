export default definePageConfig({
  navigationBarTitleText: '新设公益性岗位',
});
