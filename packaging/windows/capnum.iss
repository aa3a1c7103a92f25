; Inno Setup 6 script: CapNum Desktop for Windows (x64), from the PyInstaller folder build\dist\CapNum.
; Build on Windows (exact commands and checks: docs/installers.md, or packaging\windows\build_windows.ps1):
;   uv run --locked --group packaging pyinstaller --noconfirm --distpath build\dist --workpath build\pyinstaller packaging\capnum.spec
;   ISCC.exe /DAppVersion=<version from pyproject.toml> packaging\windows\capnum.iss
; Installs per user by default (no admin rights needed on a field laptop); data stays in %LOCALAPPDATA%\CapNum
; and is never removed by the uninstaller.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: ISCC.exe /DAppVersion=X.Y.Z packaging\windows\capnum.iss
#endif
#ifndef SourceDir
  #define SourceDir "..\..\build\dist\CapNum"
#endif

[Setup]
; AppId identifies the product across versions (upgrades, uninstall): never change it.
AppId={{4F210BA7-E12D-4BC6-8D03-19E59D3DE8BF}
AppName=CapNum Desktop
AppVersion={#AppVersion}
AppVerName=CapNum Desktop {#AppVersion}
AppPublisher=CapNum Desktop developers
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\CapNum
DefaultGroupName=CapNum Desktop
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\build\dist
OutputBaseFilename=capnum-desktop-{#AppVersion}-windows-x64-setup
SetupIconFile=..\icons\capnum.ico
UninstallDisplayIcon={app}\capnum-desktop.exe
UninstallDisplayName=CapNum Desktop
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A previous version's bundled libraries must not linger beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\CapNum Desktop"; Filename: "{app}\capnum-desktop.exe"
Name: "{autodesktop}\CapNum Desktop"; Filename: "{app}\capnum-desktop.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\capnum-desktop.exe"; Description: "{cm:LaunchProgram,CapNum Desktop}"; Flags: nowait postinstall skipifsilent
