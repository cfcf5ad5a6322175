// The harness addon's entry: run(scenario, configJson) plays one Blueprint-level scenario (Scenarios.cpp) on the
// stand-in engine and returns its "key=value" lines. Loaded by test/harness/run-scenario.mjs, one process per
// scenario (the engine's statics start clean, and a failed check() ends only that process).
#include <node.h>

#include "Scenario.h"

namespace
{
	void Run(const v8::FunctionCallbackInfo<v8::Value>& Info)
	{
		v8::Isolate* Isolate = Info.GetIsolate();
		const std::string Name = *v8::String::Utf8Value(Isolate, Info[0]);
		const std::string Config = *v8::String::Utf8Value(Isolate, Info[1]);
		const std::string Output = HsScenario::Run(Name, Config);
		Info.GetReturnValue().Set(v8::String::NewFromUtf8(Isolate, Output.c_str(), v8::NewStringType::kNormal, (int)Output.size()).ToLocalChecked());
	}
}

NODE_MODULE_INIT()
{
	v8::Isolate* Isolate = context->GetIsolate();
	(void)exports->Set(context, v8::String::NewFromUtf8Literal(Isolate, "run"), v8::Function::New(context, &Run).ToLocalChecked());
}
