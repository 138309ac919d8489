/** The workspace's screens. */
export type View = 'list' | 'new-referral' | 'queue';
