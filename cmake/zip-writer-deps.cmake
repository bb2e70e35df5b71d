# libzip and libxlsxwriter from Debian 12's source packages (issue 23), as
# FreeXL is: scripts/debian-source.sh unpacks them into build-deps/ with the
# project's patches (install-deps.sh runs it), and they are compiled here as
# static libraries into itawb:
#   - libzip 1.7.3 without any crypto backend (Debian's links GnuTLS or
#     OpenSSL, whose libcrypto.so.3 alone cost 4-5 ms of every start), bzip2
#     or lzma; only zlib, static with ITAWB_STATIC_DEPS;
#   - libxlsxwriter 1.1.4 with its own minizip and MD5 (no libminizip.so, no
#     libcrypto) and scripts/patches/libxlsxwriter-memory-deflate-level.patch:
#     the package's parts in memory instead of temporary files, and the
#     deflate level chosen by the caller (xlsx::WriterOptions::deflate_level);
#     libxlsxwriter-quiet-log.patch: its English log lines silenced.
# Where a source is absent (no deb-src reachable) the build uses Debian's
# shared library as it is and says so. The cross builds (hosts/) build both
# into their own prefixes and find them with pkg-config.
#
# Sets ITAWB_DEP_LIBZIP and ITAWB_DEP_XLSXWRITER to the targets to link.
set(ITAWB_DEP_LIBZIP PkgConfig::LIBZIP)
set(ITAWB_DEP_XLSXWRITER PkgConfig::XLSXWRITER)
set(ITAWB_LIBZIP_SOURCE "${CMAKE_SOURCE_DIR}/build-deps/libzip" CACHE PATH
    "libzip's source (scripts/debian-source.sh libzip=1.7.3-1)")
set(ITAWB_LIBXLSXWRITER_SOURCE "${CMAKE_SOURCE_DIR}/build-deps/libxlsxwriter" CACHE PATH
    "libxlsxwriter's source with itawb's patch (scripts/debian-source.sh libxlsxwriter=1.1.4-2)")
if(NOT CMAKE_CROSSCOMPILING AND (EXISTS "${ITAWB_LIBZIP_SOURCE}/.itawb-patched"
                                 OR EXISTS "${ITAWB_LIBXLSXWRITER_SOURCE}/.itawb-patched"))
  # zlib for both: Debian's libz.a where static libraries are wanted.
  if(ITAWB_STATIC_DEPS AND NOT ZLIB_LIBRARY)
    find_library(ITAWB_ZLIB_STATIC NAMES libz.a)
    if(ITAWB_ZLIB_STATIC)
      set(ZLIB_LIBRARY "${ITAWB_ZLIB_STATIC}" CACHE FILEPATH "zlib (static, ITAWB_STATIC_DEPS)")
    endif()
  endif()
  find_package(ZLIB REQUIRED)
endif()

if(NOT CMAKE_CROSSCOMPILING AND EXISTS "${ITAWB_LIBZIP_SOURCE}/.itawb-patched")
  # In a function: the options below stay the subproject's.
  function(itawb_add_libzip)
    set(CMAKE_POLICY_DEFAULT_CMP0077 NEW)  # libzip's option()s take these values
    set(CMAKE_POLICY_DEFAULT_CMP0063 NEW)  # its hidden visibility, without a warning
    set(BUILD_SHARED_LIBS OFF)
    foreach(off ENABLE_COMMONCRYPTO ENABLE_GNUTLS ENABLE_MBEDTLS ENABLE_OPENSSL ENABLE_WINDOWS_CRYPTO
                ENABLE_BZIP2 ENABLE_LZMA BUILD_TOOLS BUILD_REGRESS BUILD_EXAMPLES BUILD_DOC LIBZIP_DO_INSTALL)
      set(${off} OFF)
    endforeach()
    add_subdirectory("${ITAWB_LIBZIP_SOURCE}" "${CMAKE_BINARY_DIR}/deps/libzip" EXCLUDE_FROM_ALL)
  endfunction()
  itawb_add_libzip()
  target_compile_options(zip PRIVATE -w)  # libzip's own warnings are not ours
  set(ITAWB_DEP_LIBZIP zip)
  message(STATUS "libzip: ${ITAWB_LIBZIP_SOURCE}, static, without crypto")
else()
  message(STATUS "libzip: Debian's shared libzip (scripts/debian-source.sh libzip=1.7.3-1 for the static one)")
endif()

if(NOT CMAKE_CROSSCOMPILING AND EXISTS "${ITAWB_LIBXLSXWRITER_SOURCE}/.itawb-patched")
  set(src "${ITAWB_LIBXLSXWRITER_SOURCE}")
  file(GLOB xlsxwriter_sources "${src}/src/*.c")
  add_library(itawb_dep_xlsxwriter STATIC ${xlsxwriter_sources}
    "${src}/third_party/minizip/ioapi.c" "${src}/third_party/minizip/zip.c"
    "${src}/third_party/tmpfileplus/tmpfileplus.c" "${src}/third_party/md5/md5.c")
  target_include_directories(itawb_dep_xlsxwriter PUBLIC "${src}/include"
                             PRIVATE "${src}/include/xlsxwriter")
  # As upstream's CMakeLists: minizip without encryption.
  target_compile_definitions(itawb_dep_xlsxwriter PRIVATE NOCRYPT NOUNCRYPT)
  # Its English log lines name the temporary file; itawb reports every
  # failure itself, in Thai and English, naming the user's file
  # (scripts/patches/libxlsxwriter-quiet-log.patch: LXW_QUIET prints nothing).
  target_compile_definitions(itawb_dep_xlsxwriter PRIVATE LXW_QUIET)
  target_compile_options(itawb_dep_xlsxwriter PRIVATE -w)  # libxlsxwriter's own warnings are not ours
  target_link_libraries(itawb_dep_xlsxwriter PUBLIC ZLIB::ZLIB)
  set(ITAWB_DEP_XLSXWRITER itawb_dep_xlsxwriter)
  message(STATUS "libxlsxwriter: ${src} with itawb's patch, static")
  unset(src)
else()
  message(STATUS "libxlsxwriter: Debian's shared libxlsxwriter (parts through temporary files, "
                 "zlib's default level; scripts/debian-source.sh libxlsxwriter=1.1.4-2 for the patched one)")
endif()
