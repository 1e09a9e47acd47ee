import type { PropsWithChildren } from 'react';
import { SessionProvider } from './state/session';
// NutUI: only the stylesheets of the components we use (the full sheet is 230 KB).
import '@nutui/nutui-react-taro/dist/es/packages/configprovider/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/style.css';
import './app.css';

function App({ children }: PropsWithChildren) {
  return <SessionProvider>{children}</SessionProvider>;
}

export default App;
