/**
 * A finding clicked in the checks panel asks the editor to show its cell or paragraph
 * (navigation.focusFinding; the grid and the section editors react), and its line stays
 * highlighted as the current one.
 */
import type { ReviewedFinding } from '@core/rules'
import { useNavigationStore } from '../../stores/navigation'

export function useFindingFocus() {
  const navigation = useNavigationStore()

  /** Whether the editor's last request was for this finding (same rule, same place). */
  function isCurrent(finding: ReviewedFinding): boolean {
    const request = navigation.focusRequest
    const target = request?.target
    if (!target || request.rule !== finding.rule || target.kind !== finding.target.kind) return false
    if (target.kind === 'cell' && finding.target.kind === 'cell') return target.cell === finding.target.cell
    if (target.kind === 'document') return true
    return (
      target.kind === 'section' &&
      finding.target.kind === 'section' &&
      target.section === finding.target.section &&
      target.start === finding.target.start
    )
  }

  function show(finding: ReviewedFinding | undefined): void {
    if (finding) navigation.focusFinding(finding)
  }

  return { isCurrent, show }
}
