export const ROLES = ['operator', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  operator: '经办员',
  reviewer: '复核员',
  admin: '管理员',
};
