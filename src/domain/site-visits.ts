/**
 * 现场督办. 劳动保障监察条例 第十六条: an investigation or inspection is made by at least two inspectors.
 * The whole visit is recorded on audio/video (行政处罚法 第四十七条), so a visit record needs a recording.
 */
export const MIN_VISIT_INSPECTORS = 2;

export function visitTeamProblem(inspectorIds: readonly number[], eligible: ReadonlySet<number>): string | null {
  const team = new Set(inspectorIds);
  if ([...team].some((id) => !eligible.has(id))) return "请选择在岗的监察员";
  if (team.size < MIN_VISIT_INSPECTORS) return "现场检查应由两名以上监察员进行（劳动保障监察条例第十六条）";
  return null;
}

export function isRecording(mimeType: string): boolean {
  return mimeType.startsWith("audio/") || mimeType.startsWith("video/");
}
