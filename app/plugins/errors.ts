import { Exception } from '@adonisjs/core/exceptions'

/** A plugin that cannot be loaded. Start-up stops with this message. */
export class PluginLoadError extends Exception {
  static override status = 500
  static override code = 'E_PLUGIN_LOAD'

  constructor(pluginId: string, reason: string) {
    super(`Plugin "${pluginId}" (plugins/${pluginId}/plugin.ts) cannot be loaded: ${reason}`)
  }
}

export class UnknownExtensionPointError extends Exception {
  static override status = 500
  static override code = 'E_UNKNOWN_EXTENSION_POINT'

  constructor(name: string) {
    super(`Extension point "${name}" is not declared by any module`)
  }
}
