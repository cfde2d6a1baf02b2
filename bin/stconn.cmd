@echo off
rem stconn: the command-line tool, started for speed (see bin/stconn for the POSIX version).
rem Finds Java and the stconn jar, puts drivers\ and %STCONN_DRIVER_PATH% on the class path, and keeps
rem a class-data-sharing archive (AppCDS) per class path in %LOCALAPPDATA%\stconn, remade when a jar changes.
setlocal EnableDelayedExpansion

set "HERE=%~dp0"
set "JAR=%STCONN_JAR%"
if not defined JAR for %%j in ("%HERE%..\lib\stconn-jdbc-*.jar" "%HERE%..\stconn-jdbc-*.jar" "%HERE%..\driver\target\stconn-jdbc-*.jar") do (
  set "NAME=%%~nj"
  if not defined JAR if /i not "!NAME:~-7!"=="sources" if /i not "!NAME:~-7!"=="javadoc" if /i not "!NAME:~0,9!"=="original-" set "JAR=%%~fj"
)
if not defined JAR (
  echo stconn: the stconn jar was not found ^(looked in %HERE%..\lib, %HERE%.. and %HERE%..\driver\target^); 1>&2
  echo   build it with: mvn -B -q -DskipTests package -pl driver   or set STCONN_JAR=C:\path\to\stconn-jdbc-0.1.0.jar 1>&2
  exit /b 2
)
for %%j in ("%JAR%") do set "JAR_DIR=%%~dpj"

if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
if not defined JAVA for %%x in (java.exe) do set "JAVA=%%~$PATH:x"
if not defined JAVA (
  echo stconn: no Java found: install Java 17 or later, or set JAVA_HOME 1>&2
  exit /b 2
)

rem the class path and its stamp (every jar's time and size): drivers\ beside the jar, then STCONN_DRIVER_PATH
set "CP=%JAR%"
for %%j in ("%JAR%") do set "STAMP=%%~tj %%~zj"
for %%j in ("%JAR_DIR%drivers\*.jar") do (
  set "CP=!CP!;%%~fj"
  set "STAMP=!STAMP! %%~tj %%~zj"
)
if defined STCONN_DRIVER_PATH for %%e in ("%STCONN_DRIVER_PATH:;=" "%") do (
  if exist "%%~e\*.jar" (
    for %%j in ("%%~e\*.jar") do (
      set "CP=!CP!;%%~fj"
      set "STAMP=!STAMP! %%~tj %%~zj"
    )
  ) else if exist "%%~e" (
    set "CP=!CP!;%%~fe"
    for %%j in ("%%~e") do set "STAMP=!STAMP! %%~tj %%~zj"
  )
)

rem start-up over peak speed: the client compiler only, the smallest collector, no JMX
set "FLAGS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Dstconn.launcher=stconn -Dstconn.jmx=false %JAVA_OPTS%"
if /i "%STCONN_CDS%"=="off" goto plain

set "CACHE=%STCONN_CACHE_DIR%"
if not defined CACHE set "CACHE=%LOCALAPPDATA%\stconn"
if not exist "%CACHE%" mkdir "%CACHE%" 2>nul || goto plain
for %%j in ("%JAR%") do set "ARCHIVE=%CACHE%\cds-%%~nj.jsa"
set "OLD="
if exist "%ARCHIVE%.stamp" set /p OLD=<"%ARCHIVE%.stamp"
if exist "%ARCHIVE%" if "!OLD!"=="!STAMP!" (
  "%JAVA%" -XX:SharedArchiveFile="%ARCHIVE%" -Xlog:cds=off -Xlog:cds+dynamic=off %FLAGS% -cp "!CP!" io.stconn.cli.Main %*
  exit /b !ERRORLEVEL!
)
rem first run on this class path: write the archive at exit, under a temporary name
"%JAVA%" -XX:ArchiveClassesAtExit="%ARCHIVE%.tmp" -Xlog:cds=off -Xlog:cds+dynamic=off %FLAGS% -cp "!CP!" io.stconn.cli.Main %*
set "CODE=!ERRORLEVEL!"
if exist "%ARCHIVE%.tmp" (
  move /y "%ARCHIVE%.tmp" "%ARCHIVE%" >nul && (echo !STAMP!)>"%ARCHIVE%.stamp"
)
exit /b %CODE%

:plain
"%JAVA%" %FLAGS% -cp "!CP!" io.stconn.cli.Main %*
exit /b %ERRORLEVEL%
