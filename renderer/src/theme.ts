import type { ThemeConfig } from 'antd';

// CJK fonts first that desk PCs (Windows: 微软雅黑) and Linux (Noto CJK) actually have.
export const theme: ThemeConfig = {
  token: {
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
    colorPrimary: '#1668dc',
    borderRadius: 4,
  },
};
