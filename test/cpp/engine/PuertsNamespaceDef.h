// Puerts' PuertsNamespaceDef.h: the namespace of Puerts' C++ names, `puerts` unless a build defines another
// (QuickJS builds with a namespace suffix use `puerts_qjs`). test/cpp compiles the bridge under both.
#pragma once

#ifndef PUERTS_NAMESPACE
#define PUERTS_NAMESPACE puerts
#endif
