# SPDX-FileCopyrightText: 2026 The Saliscope developers
# SPDX-License-Identifier: GPL-3.0-or-later
# saliscope_add_test(NAME tst_x SOURCES ... LIBS ... [QT])
# One executable per tested class, registered with CTest. QT tests link Qt Test
# and run offscreen; every test knows where the reference data (tests/data/reference) lie.
set(SALISCOPE_TEST_TIMEOUT_FACTOR 1 CACHE STRING
    "Multiplies every test's time limit (the asan preset sets 3: sanitized code runs several times slower)")

function(saliscope_add_test)
  cmake_parse_arguments(T "QT" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE ${T_LIBS})
  target_include_directories(${T_NAME} PRIVATE "${PROJECT_SOURCE_DIR}") # includes rooted at the repository
  if(T_QT)
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test)
  endif()
  target_compile_definitions(${T_NAME} PRIVATE
    SALISCOPE_REFERENCE_DIR="${SALISCOPE_REFERENCE_DIR}"
    SALISCOPE_FIXTURE_DIR="${CMAKE_BINARY_DIR}/fixtures"
    SALISCOPE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  add_test(NAME ${T_NAME} COMMAND ${T_NAME})
  # saliscope_tests_<label> builds every test with that label (the asan build preset builds the
  # engine, core and app ones).
  foreach(label IN LISTS T_LABELS)
    if(NOT TARGET saliscope_tests_${label})
      add_custom_target(saliscope_tests_${label})
    endif()
    add_dependencies(saliscope_tests_${label} ${T_NAME})
  endforeach()
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  math(EXPR T_TIMEOUT "${T_TIMEOUT} * ${SALISCOPE_TEST_TIMEOUT_FACTOR}")
  set_tests_properties(${T_NAME} PROPERTIES
    TIMEOUT ${T_TIMEOUT}
    LABELS "${T_LABELS}"
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;OMP_NUM_THREADS=2")
endfunction()
