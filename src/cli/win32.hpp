// <windows.h> as the command line's Windows code takes it (lean, without the
// min/max macros); nothing elsewhere.
#pragma once

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
#endif
