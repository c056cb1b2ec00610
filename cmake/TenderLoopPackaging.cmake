# Install rules for the desktop integration, and CPack (DEB, TGZ).
# Included last from the top-level CMakeLists.txt; the files themselves live in installer/
# (see installer/README.md). Build a package from a build directory with `cpack -G DEB` or
# installer/check_package.sh BUILD_DIR.

set(tl_installer_dir ${PROJECT_SOURCE_DIR}/installer)

# The data both programs use (samples, criteria library, templates, LANGUAGE.md) is installed by
# cmake/TenderLoopData.cmake.

if(EXISTS ${PROJECT_SOURCE_DIR}/LICENSE)
  install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION share/doc/tenderloop RENAME copyright)
  set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
endif()

# Desktop integration, only with the GUI. The .desktop file is installed under the AppStream
# component ID, so that the metainfo's <launchable> names it and software centres join the two.
if(TL_BUILD_GUI)
  set(tl_app_id io.github.tenderloop.TenderLoop)
  install(FILES ${tl_installer_dir}/tenderloop.desktop DESTINATION share/applications
          RENAME ${tl_app_id}.desktop)
  install(FILES ${tl_installer_dir}/${tl_app_id}.metainfo.xml DESTINATION share/metainfo)
  install(FILES ${tl_installer_dir}/tenderloop-mime.xml DESTINATION share/mime/packages
          RENAME tenderloop.xml)
  install(FILES ${tl_installer_dir}/tenderloop.svg DESTINATION share/icons/hicolor/scalable/apps)

  # PNG renders of the icon for the fixed sizes, when Debian's rsvg-convert (librsvg2-bin) is
  # there; without it only the scalable icon is installed, which desktops handle as well.
  find_program(TL_RSVG_CONVERT rsvg-convert)
  if(TL_RSVG_CONVERT)
    set(tl_icon_pngs)
    foreach(size 48 128 256)
      set(dir ${CMAKE_CURRENT_BINARY_DIR}/installer/icons/${size}x${size}/apps)
      set(png ${dir}/tenderloop.png)
      add_custom_command(OUTPUT ${png}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
        COMMAND ${TL_RSVG_CONVERT} --width=${size} --height=${size} --format=png
                --output=${png} ${tl_installer_dir}/tenderloop.svg
        DEPENDS ${tl_installer_dir}/tenderloop.svg
        COMMENT "rsvg-convert tenderloop.svg -> ${size}x${size}")
      list(APPEND tl_icon_pngs ${png})
      install(FILES ${png} DESTINATION share/icons/hicolor/${size}x${size}/apps)
    endforeach()
    add_custom_target(tenderloop-icons ALL DEPENDS ${tl_icon_pngs})
  else()
    message(STATUS "rsvg-convert not found (Debian: librsvg2-bin): installing the SVG icon only")
  endif()
endif()

# ---- CPack --------------------------------------------------------------------------------
# The programs find their data relative to their own location (src/app/data_paths.hpp), so the
# install prefix is not compiled in: the .deb puts them under /usr (CPack's default for DEB), the
# .tar.gz holds bin/ and share/ to unpack anywhere.

set(TL_PACKAGE_MAINTAINER "TenderLoop developers <maintainers@tenderloop.invalid>"
    CACHE STRING "Maintainer (name <email>) written into the .deb")

set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_PACKAGE_NAME tenderloop)
set(CPACK_PACKAGE_VENDOR "TenderLoop")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${TL_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "award criteria and bid scoring for circular public procurement")
# The .deb's long description (dpkg shows lines of up to 80 columns).
set(tl_package_contents "the command-line tool tenderloop and the sample tenders.")
if(TL_BUILD_GUI)
  set(tl_package_contents "the command-line tool tenderloop, the desktop app
tenderloop-gui (wxWidgets; English and Russian) with its menu entry, icon
and file types (.tender projects, .crit rule files), and the sample tenders.")
endif()
set(CPACK_PACKAGE_DESCRIPTION
"TenderLoop lets procurement officers write the award criteria of a tender
(recycled content, reparability, take-back, warranty, life-cycle cost, CO2)
in a small rule language, record the bids and committee scores, and get a
ranking in which every number can be explained: which rule, which inputs,
which formula. It writes evaluation workbooks (.xlsx) with live formulas.

This package contains ${tl_package_contents}")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_CHECKSUM SHA256)

# DEB: dpkg-shlibdeps works out the runtime library dependencies from the binaries.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # tenderloop_VERSION-RELEASE_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${TL_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
if(TL_BUILD_GUI)
  # Their dpkg file triggers refresh the MIME, icon and desktop caches on install.
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "shared-mime-info, hicolor-icon-theme, desktop-file-utils")
endif()

include(CPack)
