export default definePageConfig({ navigationBarTitleText: '补贴审核' });
