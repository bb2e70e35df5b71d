@echo off
rem itawb: analyse every workbook dropped on this file (or given as arguments).
rem Shipped as "วิเคราะห์.bat" with CRLF line ends and no BOM: cmd reads the
rem first lines in the OEM code page, so everything before chcp is ASCII.
chcp 65001 >nul
setlocal
if "%~1"=="" goto usage
set status=0
:next
if "%~1"=="" goto done
echo.
echo ===== %~nx1
"%~dp0itawb.exe" analyze "%~1"
if errorlevel 2 set status=2
shift
goto next
:usage
echo ลากไฟล์แบบฟอร์ม ITA .xlsx มาวางบนไฟล์นี้ ผลการวิเคราะห์จะอยู่ข้างไฟล์เดิม ชื่อลงท้ายด้วย -itawb
echo Drag ITA workbooks .xlsx onto this file: each result is written beside its input as NAME-itawb.xlsx
set status=2
:done
echo.
pause
exit /b %status%
