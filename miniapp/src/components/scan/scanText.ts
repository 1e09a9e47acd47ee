/** What the scanner says, in plain words (also what the tests look for). */
export const SCAN_TEXT = {
  weappButton: '扫码',
  openCamera: '打开相机扫码',
  closeCamera: '关闭相机',
  pickPhoto: '从相册选照片',
  pickPhotoLabel: '选择二维码照片',
  videoLabel: '相机画面',
  starting: '正在打开相机…',
  aim: '把二维码放在框里，拿稳手机',
  reading: '正在找照片里的二维码…',
  cameraFailed: '相机打不开，请用「从相册选照片」',
  noCodeInPhoto: '照片里没有找到二维码，请再拍清楚一点',
  badPhoto: '这张照片打不开，请换一张',
  loadFailed: '扫码功能没有加载好，请看看网络，再试一次',
  scanFailed: '没能扫码，请再试一次',
} as const;
