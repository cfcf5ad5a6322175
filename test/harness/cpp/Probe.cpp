// UHsProbe: the harness's own reporting object handed to a game's gameplay script (argv "Probe"), so the
// script can record which promise or listener fired, on which frame, and whether inside a call. Not a plugin
// class: its JS methods are registered here by hand, like a game's own reflected class would be by Puerts.
#include "HsJs.h"
#include "Scenario.h"

namespace
{
	std::string Utf8(HsJs::FEnv* Env, v8::Local<v8::Value> Value) { return HsEngine::Narrow(HsJs::TConv<FString>::FromJs(Env, Value)); }

	// probe.Frame(): the current frame number.
	void Frame(const v8::FunctionCallbackInfo<v8::Value>& Info)
	{
		Info.GetReturnValue().Set(v8::Number::New(Info.GetIsolate(), (double)HsEngine::Frame()));
	}

	// probe.Config(key): a value of the test's config (tokens arrive as "token.<name>").
	void Config(const v8::FunctionCallbackInfo<v8::Value>& Info)
	{
		HsJs::FEnv* Env = HsJs::EnvOf(Info);
		Info.GetReturnValue().Set(HsJs::TConv<FString>::ToJs(Env, HsScenario::ConfigW(Utf8(Env, Info[0]))));
	}

	// probe.Record(key, values, sinceFrame, scriptCallDepth): one pin line; inCall=1 when the script was inside
	// one of its own facade calls or C++ inside a game call.
	void Record(const v8::FunctionCallbackInfo<v8::Value>& Info)
	{
		HsJs::FEnv* Env = HsJs::EnvOf(Info);
		const std::string Key = Utf8(Env, Info[0]);
		const std::string Values = Utf8(Env, Info[1]);
		const int64 Since = (int64)HsJs::TConv<double>::FromJs(Env, Info[2]);
		const int Depth = HsJs::TConv<int32>::FromJs(Env, Info[3]);
		HsEngine::Line(Key, Values + (Values.empty() ? "" : " ") + "later=" + std::to_string(HsEngine::Frame() - Since) +
			" inCall=" + std::to_string(Depth > 0 || HsEngine::GameCallDepth > 0 ? 1 : 0));
	}

	// probe.Line(key, value): a plain line.
	void Line(const v8::FunctionCallbackInfo<v8::Value>& Info)
	{
		HsJs::FEnv* Env = HsJs::EnvOf(Info);
		HsEngine::Line(Utf8(Env, Info[0]), Utf8(Env, Info[1]));
	}

	HsJs::FRegister RegisterProbe(HsJs::FClass{"HsProbe", "", [](UObject* O) { return dynamic_cast<UHsProbe*>(O) != nullptr; },
		{{"Frame", false, false, &Frame}, {"Config", false, false, &Config}, {"Record", false, false, &Record}, {"Line", false, false, &Line}}});
}
