/**
 * Messages for code outside components (stores, clients), which cannot use `useMessage()`.
 * Created lazily so that importing a store in a test mounts nothing.
 */
import { createDiscreteApi } from 'naive-ui'
import { dateLocale, locale, themeOverrides } from '../theme'

type Discrete = Pick<ReturnType<typeof createDiscreteApi>, 'message' | 'notification'>
let discrete: Discrete | undefined

export function useDiscrete(): Discrete {
  discrete ??= createDiscreteApi(['message', 'notification'], {
    configProviderProps: { locale, dateLocale, themeOverrides, inlineThemeDisabled: true },
    // Where AppProvider puts them, clear of the header's buttons.
    notificationProviderProps: { placement: 'bottom-right' }
  })
  return discrete
}

/** Shows an error to the officer; `ApiError` messages are already Chinese and worded for them. */
export function notifyError(title: string, error: unknown): void {
  const content = error instanceof Error ? error.message : String(error)
  useDiscrete().notification.error({ title, content, duration: 8000 })
}
