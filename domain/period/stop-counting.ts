/**
 * How the days of a stop (an excluded span, Rules art. 48, or a suspension, art. 78) are kept out
 * of a period. Neither text says whether the stop's first and last days both count as stopped; the
 * procuratorate's period policy chooses, and the explanation of every clock a stop moved names the
 * choice. The default is the convention the engine has always used for dated stops: counting stops
 * on the first day and resumes on the last (to − from days).
 */
export const STOP_DAY_COUNTING = {
  resume_on_end_day: '自开始之日起停止计算，至结束之日起恢复计算（不计入的日数为结束日减开始日）',
  exclude_both_end_days:
    '开始之日和结束之日均不计入期限，自结束之日的次日起恢复计算（不计入的日数为结束日减开始日再加一日）',
} as const;
export type StopDayCounting = keyof typeof STOP_DAY_COUNTING;
export const STOP_DAY_COUNTINGS = Object.keys(STOP_DAY_COUNTING) as [StopDayCounting, ...StopDayCounting[]];

export const DEFAULT_STOP_DAY_COUNTING: StopDayCounting = 'resume_on_end_day';
