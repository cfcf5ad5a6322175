// The stand-in Puerts FJsEnv: a fresh V8 context in the hosting Node's isolate (Node 20's V8, the family Puerts'
// default backend is), whose only globals are ECMAScript, `console`, timers and `puerts`. Its promise jobs go to
// its own v8::MicrotaskQueue, run when the outermost call from C++ into this env returns (V8's kAuto policy as
// Puerts runs it: ENGINE-FACTS "Promise jobs"; kAuto itself counts the whole isolate's depth, and Node's own
// JS is on the stack, so the policy is explicit and the depth is counted here). Bootstrap modules are read
// through the module loader given to the constructor (like Puerts: a loader that cannot find puerts/*.js fails).
#include <map>
#include <unordered_map>

#include "Containers/Ticker.h"
#include "HsJs.h"
#include "JsEnv.h"

namespace PUERTS_NAMESPACE
{
	struct FJsEnv::FHsImpl
	{
		v8::Isolate* Isolate = nullptr;
		v8::MicrotaskQueue* Queue = nullptr;
		v8::Global<v8::Context> Context;
		v8::Global<v8::Object> Native;
		v8::Global<v8::Function> MakeStringMap;
		std::shared_ptr<IJSModuleLoader> Loader;
		std::shared_ptr<ILogger> Logger;
		int Depth = 0;
		std::shared_ptr<bool> Alive = std::make_shared<bool>(true);
		bool bBooted = false;
		std::map<std::string, UObject*> Argv;
		std::unordered_map<UObject*, v8::Global<v8::Object>> Wrappers;
		std::map<std::string, v8::Global<v8::FunctionTemplate>> Templates;
		std::map<std::string, v8::Global<v8::Function>> ClassFunctions;
		std::vector<std::unique_ptr<std::function<void(const v8::FunctionCallbackInfo<v8::Value>&)>>> Bodies;
		std::map<int, FTSTicker::FDelegateHandle> Timers;
		int NextTimer = 1;
	};
}

namespace HsJs
{
	struct FEnv : PUERTS_NAMESPACE::FJsEnv::FHsImpl
	{
	};
}

using FImpl = PUERTS_NAMESPACE::FJsEnv::FHsImpl;

namespace
{
	HsJs::FEnv* AsEnv(FImpl* Impl) { return static_cast<HsJs::FEnv*>(Impl); }

	std::string ToUtf8(v8::Isolate* Isolate, v8::Local<v8::Value> Value)
	{
		v8::String::Utf8Value Text(Isolate, Value);
		return *Text ? std::string(*Text, Text.length()) : std::string("(unprintable)");
	}

	v8::Local<v8::String> Str(v8::Isolate* Isolate, const std::string& Text)
	{
		return v8::String::NewFromUtf8(Isolate, Text.c_str(), v8::NewStringType::kNormal, (int)Text.size()).ToLocalChecked();
	}

	void ReportException(FImpl* Env, v8::TryCatch& Try)
	{
		if (!Try.HasCaught())
		{
			return;
		}
		v8::Local<v8::Value> Stack;
		const v8::Local<v8::Context> Context = Env->Context.Get(Env->Isolate);
		std::string Text = Try.StackTrace(Context).ToLocal(&Stack) ? ToUtf8(Env->Isolate, Stack) : ToUtf8(Env->Isolate, Try.Exception());
		HsEngine::Line("js.exception", Text.substr(0, Text.find('\n')));
		Env->Logger->Error(HsEngine::Wide(Text));
	}

	void Trampoline(const v8::FunctionCallbackInfo<v8::Value>& Info)
	{
		(*static_cast<std::function<void(const v8::FunctionCallbackInfo<v8::Value>&)>*>(Info.Data().As<v8::External>()->Value()))(Info);
	}

	v8::Local<v8::Function> MakeFunction(FImpl* Env, std::function<void(const v8::FunctionCallbackInfo<v8::Value>&)> Body)
	{
		Env->Bodies.push_back(std::make_unique<std::function<void(const v8::FunctionCallbackInfo<v8::Value>&)>>(std::move(Body)));
		const v8::Local<v8::Context> Context = Env->Context.Get(Env->Isolate);
		return v8::Function::New(Context, &Trampoline, v8::External::New(Env->Isolate, Env->Bodies.back().get())).ToLocalChecked();
	}

	const HsJs::FClass* FindClass(const std::string& Name)
	{
		for (const HsJs::FClass& Class : HsJs::Classes())
		{
			if (Name == Class.JsName)
			{
				return &Class;
			}
		}
		return nullptr;
	}

	int DepthOf(const HsJs::FClass* Class)
	{
		int Depth = 0;
		while (Class && Class->Parent[0])
		{
			Class = FindClass(Class->Parent);
			++Depth;
		}
		return Depth;
	}

	v8::Local<v8::FunctionTemplate> TemplateOf(FImpl* Env, const HsJs::FClass& Class)
	{
		v8::Isolate* Isolate = Env->Isolate;
		const auto Found = Env->Templates.find(Class.JsName);
		if (Found != Env->Templates.end())
		{
			return Found->second.Get(Isolate);
		}
		const v8::Local<v8::External> Data = v8::External::New(Isolate, AsEnv(Env));
		const v8::Local<v8::FunctionTemplate> Template = v8::FunctionTemplate::New(Isolate);
		Template->SetClassName(Str(Isolate, Class.JsName));
		Template->InstanceTemplate()->SetInternalFieldCount(1);
		for (const HsJs::FMember& Member : Class.Members)
		{
			if (Member.bStatic)
			{
				continue;
			}
			const v8::Local<v8::FunctionTemplate> Callback = v8::FunctionTemplate::New(Isolate, Member.Callback, Data);
			if (Member.bProperty)
			{
				Template->PrototypeTemplate()->SetAccessorProperty(Str(Isolate, Member.Name), Callback);
			}
			else
			{
				Template->PrototypeTemplate()->Set(Str(Isolate, Member.Name), Callback);
			}
		}
		if (const HsJs::FClass* Parent = Class.Parent[0] ? FindClass(Class.Parent) : nullptr)
		{
			Template->Inherit(TemplateOf(Env, *Parent));
		}
		Env->Templates[Class.JsName].Reset(Isolate, Template);
		return Template;
	}

	v8::Local<v8::Function> ClassFunction(FImpl* Env, const HsJs::FClass& Class)
	{
		v8::Isolate* Isolate = Env->Isolate;
		const auto Found = Env->ClassFunctions.find(Class.JsName);
		if (Found != Env->ClassFunctions.end())
		{
			return Found->second.Get(Isolate);
		}
		const v8::Local<v8::Context> Context = Env->Context.Get(Isolate);
		const v8::Local<v8::Function> Function = TemplateOf(Env, Class)->GetFunction(Context).ToLocalChecked();
		const v8::Local<v8::External> Data = v8::External::New(Isolate, AsEnv(Env));
		for (const HsJs::FMember& Member : Class.Members)
		{
			if (Member.bStatic)
			{
				(void)Function->Set(Context, Str(Isolate, Member.Name), v8::Function::New(Context, Member.Callback, Data).ToLocalChecked());
			}
		}
		Env->ClassFunctions[Class.JsName].Reset(Isolate, Function);
		return Function;
	}

	std::string ReadAll(FImpl* Env, const FString& Path)
	{
		TArray<uint8> Bytes;
		if (!Env->Loader->Load(Path, Bytes))
		{
			return std::string();
		}
		std::string Out;
		for (uint8 Byte : Bytes) Out += (char)Byte;
		return Out;
	}

	v8::MaybeLocal<v8::Value> Eval(FImpl* Env, const std::string& Code, const std::string& Name)
	{
		v8::Isolate* Isolate = Env->Isolate;
		const v8::Local<v8::Context> Context = Env->Context.Get(Isolate);
		v8::ScriptOrigin Origin(Isolate, Str(Isolate, Name));
		v8::Local<v8::Script> Script;
		if (!v8::Script::Compile(Context, Str(Isolate, Code), &Origin).ToLocal(&Script))
		{
			return {};
		}
		return Script->Run(Context);
	}

	void SetNative(FImpl* Env, v8::Local<v8::Object> Target, const char* Name, std::function<void(const v8::FunctionCallbackInfo<v8::Value>&)> Body)
	{
		(void)Target->Set(Env->Context.Get(Env->Isolate), Str(Env->Isolate, Name), MakeFunction(Env, std::move(Body)));
	}

	void InstallGlobals(FImpl* Env)
	{
		v8::Isolate* Isolate = Env->Isolate;
		const v8::Local<v8::Context> Context = Env->Context.Get(Isolate);
		const v8::Local<v8::Object> Global = Context->Global();
		const v8::Local<v8::Object> Console = v8::Object::New(Isolate);
		for (const char* Level : {"log", "info", "warn", "error", "debug"})
		{
			const std::string Key = std::string("console.") + Level;
			SetNative(Env, Console, Level, [Env, Key](const v8::FunctionCallbackInfo<v8::Value>& Info) {
				std::string Text;
				for (int I = 0; I < Info.Length(); ++I) Text += (I ? " " : "") + ToUtf8(Env->Isolate, Info[I]);
				HsEngine::Line(Key, Text);
			});
		}
		(void)Global->Set(Context, Str(Isolate, "console"), Console);
		// Timers on the core ticker, as Puerts' JsEnv implements them; each callback is one call into the env.
		for (const bool bRepeat : {false, true})
		{
			SetNative(Env, Global, bRepeat ? "setInterval" : "setTimeout", [Env, bRepeat](const v8::FunctionCallbackInfo<v8::Value>& Info) {
				if (Info.Length() < 1 || !Info[0]->IsFunction()) return;
				const double Ms = Info.Length() > 1 ? Info[1]->NumberValue(Env->Context.Get(Env->Isolate)).FromMaybe(0) : 0;
				auto Fn = std::make_shared<v8::Global<v8::Function>>(Env->Isolate, Info[0].As<v8::Function>());
				auto Args = std::make_shared<std::vector<v8::Global<v8::Value>>>();
				for (int I = 2; I < Info.Length(); ++I) Args->emplace_back(Env->Isolate, Info[I]);
				const int Id = Env->NextTimer++;
				std::shared_ptr<bool> Alive = Env->Alive;
				Env->Timers[Id] = FTSTicker::GetCoreTicker().AddTicker(FTickerDelegate::CreateLambda([Env, Fn, Args, Alive, Id, bRepeat](float) {
					if (!*Alive) return false;
					if (!bRepeat) Env->Timers.erase(Id);
					HsJs::Enter(AsEnv(Env), [&](v8::Local<v8::Context> Context) {
						std::vector<v8::Local<v8::Value>> Argv;
						for (auto& Arg : *Args) Argv.push_back(Arg.Get(Env->Isolate));
						(void)Fn->Get(Env->Isolate)->Call(Context, v8::Undefined(Env->Isolate), (int)Argv.size(), Argv.data());
					});
					return bRepeat && *Alive && Env->Timers.count(Id) > 0;
				}), (float)(Ms > 0 ? Ms / 1000.0 : 0.0));
				Info.GetReturnValue().Set(Id);
			});
		}
		for (const char* Name : {"clearTimeout", "clearInterval"})
		{
			SetNative(Env, Global, Name, [Env](const v8::FunctionCallbackInfo<v8::Value>& Info) {
				if (Info.Length() < 1 || !Info[0]->IsNumber()) return;
				const int Id = (int)Info[0].As<v8::Number>()->Value();
				const auto Found = Env->Timers.find(Id);
				if (Found != Env->Timers.end())
				{
					FTSTicker::RemoveTicker(Found->second);
					Env->Timers.erase(Found);
				}
			});
		}
		// What the bootstrap modules call (Puerts' own natives are on `puerts`; these stay off the global).
		const v8::Local<v8::Object> Native = v8::Object::New(Isolate);
		Env->Native.Reset(Isolate, Native);
		SetNative(Env, Native, "searchModule", [Env](const v8::FunctionCallbackInfo<v8::Value>& Info) {
			HsJs::FEnv* E = AsEnv(Env);
			FString Path, Absolute;
			if (!Env->Loader->Search(HsJs::TConv<FString>::FromJs(E, Info[0]), HsJs::TConv<FString>::FromJs(E, Info[1]), Path, Absolute)) return;
			const v8::Local<v8::Array> Out = v8::Array::New(Env->Isolate, 2);
			(void)Out->Set(Env->Context.Get(Env->Isolate), 0, HsJs::TConv<FString>::ToJs(E, Path));
			(void)Out->Set(Env->Context.Get(Env->Isolate), 1, HsJs::TConv<FString>::ToJs(E, Absolute));
			Info.GetReturnValue().Set(Out);
		});
		SetNative(Env, Native, "loadModule", [Env](const v8::FunctionCallbackInfo<v8::Value>& Info) {
			Info.GetReturnValue().Set(Str(Env->Isolate, ReadAll(Env, HsJs::TConv<FString>::FromJs(AsEnv(Env), Info[0]))));
		});
		SetNative(Env, Native, "evalScript", [Env](const v8::FunctionCallbackInfo<v8::Value>& Info) {
			v8::Local<v8::Value> Result;
			if (Eval(Env, ToUtf8(Env->Isolate, Info[0]), ToUtf8(Env->Isolate, Info[1])).ToLocal(&Result)) Info.GetReturnValue().Set(Result);
		});
		SetNative(Env, Native, "loadUEType", [Env](const v8::FunctionCallbackInfo<v8::Value>& Info) {
			if (const HsJs::FClass* Class = FindClass(ToUtf8(Env->Isolate, Info[0]))) Info.GetReturnValue().Set(ClassFunction(Env, *Class));
		});
		SetNative(Env, Native, "getArgv", [Env](const v8::FunctionCallbackInfo<v8::Value>& Info) {
			const auto Found = Env->Argv.find(ToUtf8(Env->Isolate, Info[0]));
			if (Found != Env->Argv.end()) Info.GetReturnValue().Set(HsJs::WrapObject(AsEnv(Env), Found->second));
		});
		v8::Local<v8::Value> Maker;
		if (Eval(Env,
				"(function (keys, values) { const find = (k) => keys.findIndex((x) => x.toLowerCase() === String(k).toLowerCase());"
				" return { Num: () => keys.length, GetMaxIndex: () => keys.length, IsValidIndex: (i) => i >= 0 && i < keys.length,"
				" GetKey: (i) => keys[i], Get: (k) => { const i = find(k); return i < 0 ? undefined : values[i]; } }; })",
				"hs:tmap").ToLocal(&Maker))
		{
			Env->MakeStringMap.Reset(Isolate, Maker.As<v8::Function>());
		}
	}
}

namespace HsJs
{
	std::vector<FClass>& Classes()
	{
		static std::vector<FClass> All;
		return All;
	}
	FEnv* EnvOf(const v8::FunctionCallbackInfo<v8::Value>& Info) { return static_cast<FEnv*>(Info.Data().As<v8::External>()->Value()); }
	v8::Isolate* IsolateOf(FEnv* Env) { return Env->Isolate; }
	v8::Local<v8::Context> ContextOf(FEnv* Env) { return Env->Context.Get(Env->Isolate); }
	std::shared_ptr<bool> AliveOf(FEnv* Env) { return Env->Alive; }
	void Throw(FEnv* Env, const std::string& Message) { Env->Isolate->ThrowException(v8::Exception::Error(Str(Env->Isolate, Message))); }
	void Trace(const char* Class, const char* Function)
	{
		if (HsEngine::TraceScriptCalls) HsEngine::ScriptCalls.push_back(std::string(Class) + "." + Function);
	}

	UObject* UnwrapObject(FEnv*, v8::Local<v8::Value> Value)
	{
		if (!Value->IsObject()) return nullptr;
		const v8::Local<v8::Object> Object = Value.As<v8::Object>();
		return Object->InternalFieldCount() >= 1 ? static_cast<UObject*>(Object->GetAlignedPointerFromInternalField(0)) : nullptr;
	}

	UObject* SelfOf(const v8::FunctionCallbackInfo<v8::Value>& Info) { return UnwrapObject(EnvOf(Info), Info.This()); }

	v8::Local<v8::Value> WrapObject(FEnv* Env, UObject* Object)
	{
		v8::Isolate* Isolate = Env->Isolate;
		if (!Object) return v8::Null(Isolate);
		const auto Found = Env->Wrappers.find(Object);
		if (Found != Env->Wrappers.end()) return Found->second.Get(Isolate);
		const FClass* Best = nullptr;
		for (const FClass& Class : Classes())
		{
			if (Class.IsA(Object) && (!Best || DepthOf(&Class) > DepthOf(Best))) Best = &Class;
		}
		const v8::Local<v8::Context> Context = Env->Context.Get(Isolate);
		v8::Local<v8::Object> Wrapper;
		if (Best)
		{
			Wrapper = ClassFunction(Env, *Best)->NewInstance(Context).ToLocalChecked();
		}
		else
		{
			const v8::Local<v8::ObjectTemplate> Plain = v8::ObjectTemplate::New(Isolate);
			Plain->SetInternalFieldCount(1);
			Wrapper = Plain->NewInstance(Context).ToLocalChecked();
		}
		Wrapper->SetAlignedPointerInInternalField(0, Object);
		Env->Wrappers[Object].Reset(Isolate, Wrapper);
		return Wrapper;
	}

	void Enter(FEnv* Env, const std::function<void(v8::Local<v8::Context>)>& Call)
	{
		v8::Isolate* Isolate = Env->Isolate;
		v8::HandleScope Handles(Isolate);
		const v8::Local<v8::Context> Context = Env->Context.Get(Isolate);
		v8::Context::Scope Scope(Context);
		{
			v8::TryCatch Try(Isolate);
			++Env->Depth;
			Call(Context);
			--Env->Depth;
			ReportException(Env, Try);
		}
		if (Env->Depth == 0)
		{
			// The outermost call from C++ returns: run the promise jobs it queued (and those they queue).
			Env->Queue->PerformCheckpoint(Isolate);
		}
	}

	v8::Local<v8::Object> NewPlainObject(FEnv* Env) { return v8::Object::New(Env->Isolate); }
	void SetFunction(FEnv* Env, v8::Local<v8::Object> Target, const char* Name, std::function<void(const v8::FunctionCallbackInfo<v8::Value>&)> Body)
	{
		SetNative(Env, Target, Name, std::move(Body));
	}
	v8::Local<v8::Value> StringMapToJs(FEnv* Env, const TMap<FString, FString>& Map)
	{
		v8::Isolate* Isolate = Env->Isolate;
		const v8::Local<v8::Context> Context = Env->Context.Get(Isolate);
		const v8::Local<v8::Array> Keys = v8::Array::New(Isolate), Values = v8::Array::New(Isolate);
		uint32_t I = 0;
		for (const auto& Pair : Map)
		{
			(void)Keys->Set(Context, I, TConv<FString>::ToJs(Env, Pair.Key));
			(void)Values->Set(Context, I++, TConv<FString>::ToJs(Env, Pair.Value));
		}
		v8::Local<v8::Value> Argv[] = {Keys, Values};
		v8::Local<v8::Value> Out;
		return Env->MakeStringMap.Get(Isolate)->Call(Context, v8::Undefined(Isolate), 2, Argv).ToLocal(&Out) ? Out : v8::Local<v8::Value>(v8::Undefined(Isolate));
	}
}

namespace PUERTS_NAMESPACE
{
	FJsEnv::FJsEnv(const FString& ScriptRoot)
		: FJsEnv(std::make_shared<DefaultJSModuleLoader>(ScriptRoot), std::make_shared<FDefaultLogger>(), -1)
	{
	}

	FJsEnv::FJsEnv(std::shared_ptr<IJSModuleLoader> InModuleLoader, std::shared_ptr<ILogger> InLogger, int, std::function<void(const FString&)>, const FString, void*, void*)
		: HsImpl(std::make_unique<HsJs::FEnv>())
	{
		FHsImpl* Env = HsImpl.get();
		Env->Isolate = v8::Isolate::GetCurrent();
		Env->Loader = InModuleLoader;
		Env->Logger = InLogger;
		// Kept for the process: V8 requires the queue to outlive the context, which dies at a later GC.
		Env->Queue = v8::MicrotaskQueue::New(Env->Isolate, v8::MicrotasksPolicy::kExplicit).release();
		v8::Isolate* Isolate = Env->Isolate;
		v8::HandleScope Handles(Isolate);
		const v8::Local<v8::Context> Context = v8::Context::New(Isolate, nullptr, v8::MaybeLocal<v8::ObjectTemplate>(), v8::MaybeLocal<v8::Value>(), v8::DeserializeInternalFieldsCallback(), Env->Queue);
		Env->Context.Reset(Isolate, Context);
		v8::Context::Scope Scope(Context);
		InstallGlobals(Env);
		// Puerts' constructor runs its bootstrap modules through the loader (ENGINE-FACTS).
		bool bBooted = true;
		HsJs::Enter(AsEnv(Env), [&](v8::Local<v8::Context> Ctx) {
			for (const char* Module : {"puerts/first_run.js", "puerts/modular.js", "puerts/uelazyload.js", "puerts/argv.js"})
			{
				FString Path, Absolute;
				if (!Env->Loader->Search(FString(), HsEngine::Wide(Module), Path, Absolute))
				{
					Env->Logger->Error(HsEngine::Wide(std::string("can not find ") + Module + ": global.puerts.argv not found"));
					bBooted = false;
					return;
				}
				v8::Local<v8::Value> Fn;
				if (!Eval(Env, "(function (global, native) {" + ReadAll(Env, Path) + "\n})", HsEngine::Narrow(Absolute)).ToLocal(&Fn))
				{
					bBooted = false;
					return;
				}
				v8::Local<v8::Value> Argv[] = {Ctx->Global(), Env->Native.Get(Env->Isolate)};
				if (Fn.As<v8::Function>()->Call(Ctx, v8::Undefined(Env->Isolate), 2, Argv).IsEmpty())
				{
					bBooted = false;
					return;
				}
			}
		});
		Env->bBooted = bBooted;
	}

	FJsEnv::~FJsEnv()
	{
		FHsImpl* Env = HsImpl.get();
		*Env->Alive = false;
		for (auto& Timer : Env->Timers) FTSTicker::RemoveTicker(Timer.second);
		Env->Timers.clear();
		Env->Wrappers.clear();
		Env->ClassFunctions.clear();
		Env->Templates.clear();
		Env->MakeStringMap.Reset();
		Env->Native.Reset();
		Env->Context.Reset();
		// Bodies stay: V8 functions made from them may still be reachable until a GC.
		HsImpl.release();
	}

	void FJsEnv::Start(const FString& ModuleName, const TArray<TPair<FString, UObject*>>& Arguments)
	{
		FHsImpl* Env = HsImpl.get();
		if (!Env->bBooted)
		{
			Env->Logger->Error(TEXT("Start: the JsEnv did not boot"));
			return;
		}
		for (const auto& Argument : Arguments) Env->Argv[HsEngine::Narrow(Argument.Key)] = Argument.Value;
		HsJs::Enter(AsEnv(Env), [&](v8::Local<v8::Context> Context) {
			const v8::Local<v8::Object> Puerts = Context->Global()->Get(Context, Str(Env->Isolate, "puerts")).ToLocalChecked().As<v8::Object>();
			const v8::Local<v8::Function> Require = Puerts->Get(Context, Str(Env->Isolate, "__require")).ToLocalChecked().As<v8::Function>();
			v8::Local<v8::Value> Argv[] = {HsJs::TConv<FString>::ToJs(AsEnv(Env), ModuleName)};
			(void)Require->Call(Context, v8::Undefined(Env->Isolate), 1, Argv);
		});
	}

	bool FJsEnv::IdleNotificationDeadline(double) { return true; }
	void FJsEnv::LowMemoryNotification() {}
	void FJsEnv::WaitDebugger(double) {}
}
