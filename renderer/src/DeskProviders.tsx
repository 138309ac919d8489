// Everything a screen needs around it: antd in Chinese with the desk theme, and the contract client.
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { ApiProvider } from './api/ApiContext';
import type { DeskApi } from './api/client';
import { theme } from './theme';

dayjs.locale('zh-cn');

// Buttons keep their text as written (antd would show 登录 as "登 录").
const button = { autoInsertSpace: false };

export function DeskProviders({ api, children }: { api: DeskApi; children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={button}>
      <AntApp>
        <ApiProvider api={api}>{children}</ApiProvider>
      </AntApp>
    </ConfigProvider>
  );
}
