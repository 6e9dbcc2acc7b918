; Inno Setup script of the Windows installer (per user, no administrator rights).
; Build on Windows after the PyInstaller bundle (see packaging/README.md):
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\nianbao.iss
; The clerk's data (%LOCALAPPDATA%\nianbao) is never touched by the uninstaller.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6F1C2B7E-4B7A-4E0B-9C55-0A4E3B1D2C61}
AppName=年报助手
AppVersion={#AppVersion}
AppPublisher=nianbao
DefaultDirName={autopf}\nianbao
DefaultGroupName=年报助手
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=nianbao-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\nianbao.ico
UninstallDisplayIcon={app}\nianbao.exe
LicenseFile=..\..\LICENSE
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\nianbao\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\LICENSE"; DestDir: "{app}"; Flags: ignoreversion
Source: "..\linux\copyright"; DestDir: "{app}"; DestName: "COPYRIGHT.txt"; Flags: ignoreversion

[Icons]
Name: "{group}\年报助手"; Filename: "{app}\nianbao.exe"
Name: "{group}\卸载年报助手"; Filename: "{uninstallexe}"
Name: "{autodesktop}\年报助手"; Filename: "{app}\nianbao.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\nianbao.exe"; Description: "{cm:LaunchProgram,年报助手}"; Flags: nowait postinstall skipifsilent

; Only what [Files] installed is removed: the data folder (%LOCALAPPDATA%\nianbao, with every
; report, revision and backup) stays, so reinstalling or upgrading never loses a report.
