# The ASK CLI's custom build flow for `ask deploy` on Windows (hooks/build.sh elsewhere).
# The CLI runs: PowerShell.exe -Command "& {& 'hooks\build.ps1' 'OUT.zip' $False }" from its copy
# of lambda\ (under .ask\). scripts/buildHook.mjs does the work, the same as for build.sh:
# bundle the copy with esbuild and zip the one index.js with fflate.
# `npm run deploy` runs the CLI in a staging copy and says where the project is in PLAYLIST_PAL_ROOT.
# A plain (not advanced) script: an advanced one would reserve -Verbose and -Debug for itself.
param(
  [string]$OutFile,
  [bool]$DoDebug = $false
)
if (-not $OutFile) { Write-Error 'usage: hooks/build.ps1 OUT.zip [$True|$False]'; exit 2 }
$ErrorActionPreference = 'Stop'
$root = if ($env:PLAYLIST_PAL_ROOT) { $env:PLAYLIST_PAL_ROOT } else { Split-Path -Parent $PSScriptRoot }
& node (Join-Path $root 'scripts\buildHook.mjs') $OutFile $(if ($DoDebug) { 'true' } else { 'false' })
exit $LASTEXITCODE
