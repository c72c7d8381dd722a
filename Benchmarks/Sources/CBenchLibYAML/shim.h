#ifndef C_BENCH_LIBYAML_SHIM_H
#define C_BENCH_LIBYAML_SHIM_H
#include <yaml.h>
#endif
