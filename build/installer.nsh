; Included by electron-builder's NSIS scripts (electron-builder.yml nsis.include).
;
; The app keeps its data in Electron's userData folder, %APPDATA%\<product name>.
; electron-builder's uninstaller, given --delete-app-data, removes %APPDATA%\${APP_FILENAME}
; and %APPDATA%\${APP_PACKAGE_NAME}, both "nianbao" here (the executable's name), so the
; data would stay although the user asked for it to go. This removes the folder the app
; really uses, under the same condition as electron-builder's own step.
; ${PRODUCT_NAME} is electron-builder's define (productName), so this file stays ASCII.

!macro customUnInstall
  ClearErrors
  ${GetParameters} $R0
  ${GetOptions} $R0 "--delete-app-data" $R1
  ${ifNot} ${Errors}
    ; Electron's data are per user, also when the app was installed for all users.
    ${if} $installMode == "all"
      SetShellVarContext current
    ${endif}
    RMDir /r "$APPDATA\${PRODUCT_NAME}"
    ${if} $installMode == "all"
      SetShellVarContext all
    ${endif}
  ${endIf}
!macroend
