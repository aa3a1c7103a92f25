# Build the Windows installer (run in PowerShell from the repository root, on Windows 10/11 x64):
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build_windows.ps1
# Needs: uv, Inno Setup 6 (https://jrsoftware.org/isdl.php). Output: build\dist\capnum-desktop-VERSION-windows-x64-setup.exe
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
uv run --locked --group packaging pyinstaller --noconfirm --distpath build\dist --workpath build\pyinstaller packaging\capnum.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
$version = (uv run --locked python -c "from importlib.metadata import version; print(version('capnum-desktop'))").Trim()
& build\dist\CapNum\capnum.exe --version                      # must print: capnum $version
# capnum-desktop.exe is a windowed program: PowerShell does not wait for it unless told to.
$selftest = Start-Process -FilePath build\dist\CapNum\capnum-desktop.exe -Wait -PassThru `
  -ArgumentList "--self-test", "--data-dir", "$env:TEMP\capnum-selftest"
if ($selftest.ExitCode -ne 0) { throw "capnum-desktop --self-test failed ($($selftest.ExitCode))" }
$iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"
& $iscc "/DAppVersion=$version" packaging\windows\capnum.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
