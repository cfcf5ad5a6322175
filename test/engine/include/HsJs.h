// The Puerts-like glue between UObjects and the V8 context of a stand-in FJsEnv (test/engine/src/JsEnv.cpp).
// Generic conversions live here; the per-class tables are GENERATED from the plugin's headers
// (test/harness/gen-glue.ts), so JS sees exactly the UFUNCTIONs and delegate UPROPERTYs the C++ declares.
#pragma once
#include <v8.h>

#include <array>
#include <memory>
#include <type_traits>

#include "CoreMinimal.h"

namespace HsJs
{
	struct FEnv;

	/** One reflected UFUNCTION or delegate UPROPERTY, as the generated glue registers it. */
	struct FMember
	{
		const char* Name;
		bool bStatic;
		bool bProperty;
		v8::FunctionCallback Callback;
	};

	struct FClass
	{
		const char* JsName; // without the U prefix, as Puerts names classes in `ue`
		const char* Parent; // JsName of the reflected parent, or ""
		bool (*IsA)(UObject*);
		std::vector<FMember> Members;
	};

	std::vector<FClass>& Classes();
	struct FRegister
	{
		explicit FRegister(FClass Class) { Classes().push_back(std::move(Class)); }
	};

	FEnv* EnvOf(const v8::FunctionCallbackInfo<v8::Value>& Info);
	v8::Isolate* IsolateOf(FEnv* Env);
	v8::Local<v8::Context> ContextOf(FEnv* Env);
	UObject* SelfOf(const v8::FunctionCallbackInfo<v8::Value>& Info);
	v8::Local<v8::Value> WrapObject(FEnv* Env, UObject* Object);
	UObject* UnwrapObject(FEnv* Env, v8::Local<v8::Value> Value);
	void Throw(FEnv* Env, const std::string& Message);
	void Trace(const char* Class, const char* Function);
	/** Runs Call as one call from C++ into the env (promise jobs run when the outermost such call returns). */
	void Enter(FEnv* Env, const std::function<void(v8::Local<v8::Context>)>& Call);
	std::shared_ptr<bool> AliveOf(FEnv* Env);
	v8::Local<v8::Value> StringMapToJs(FEnv* Env, const TMap<FString, FString>& Map);

	template <typename T> struct TConv;

	template <> struct TConv<int32>
	{
		static int32 FromJs(FEnv* Env, v8::Local<v8::Value> V) { return V->Int32Value(ContextOf(Env)).FromMaybe(0); }
		static v8::Local<v8::Value> ToJs(FEnv* Env, int32 X) { return v8::Integer::New(IsolateOf(Env), X); }
	};
	/** Puerts hands an int64 to JS as a BigInt (and takes a BigInt or a number back). */
	template <> struct TConv<int64>
	{
		static int64 FromJs(FEnv* Env, v8::Local<v8::Value> V)
		{
			if (V->IsBigInt()) return V.As<v8::BigInt>()->Int64Value();
			return static_cast<int64>(V->NumberValue(ContextOf(Env)).FromMaybe(0));
		}
		static v8::Local<v8::Value> ToJs(FEnv* Env, int64 X) { return v8::BigInt::New(IsolateOf(Env), X); }
	};
	template <> struct TConv<bool>
	{
		static bool FromJs(FEnv* Env, v8::Local<v8::Value> V) { return V->BooleanValue(IsolateOf(Env)); }
		static v8::Local<v8::Value> ToJs(FEnv* Env, bool X) { return v8::Boolean::New(IsolateOf(Env), X); }
	};
	template <> struct TConv<float>
	{
		static float FromJs(FEnv* Env, v8::Local<v8::Value> V) { return (float)V->NumberValue(ContextOf(Env)).FromMaybe(0); }
		static v8::Local<v8::Value> ToJs(FEnv* Env, float X) { return v8::Number::New(IsolateOf(Env), X); }
	};
	template <> struct TConv<double>
	{
		static double FromJs(FEnv* Env, v8::Local<v8::Value> V) { return V->NumberValue(ContextOf(Env)).FromMaybe(0); }
		static v8::Local<v8::Value> ToJs(FEnv* Env, double X) { return v8::Number::New(IsolateOf(Env), X); }
	};
	template <> struct TConv<FString>
	{
		static FString FromJs(FEnv* Env, v8::Local<v8::Value> V)
		{
			if (V->IsNullOrUndefined()) return FString();
			v8::String::Value Text(IsolateOf(Env), V);
			std::u16string S(reinterpret_cast<const char16_t*>(*Text), Text.length());
			return FString(S.c_str());
		}
		static v8::Local<v8::Value> ToJs(FEnv* Env, const FString& X)
		{
			const std::u16string_view S(*X);
			return v8::String::NewFromTwoByte(IsolateOf(Env), reinterpret_cast<const uint16_t*>(S.data()), v8::NewStringType::kNormal, (int)S.size()).ToLocalChecked();
		}
	};
	template <> struct TConv<TMap<FString, FString>>
	{
		static v8::Local<v8::Value> ToJs(FEnv* Env, const TMap<FString, FString>& X) { return StringMapToJs(Env, X); }
	};
	template <typename T> struct TConv<T*>
	{
		static_assert(std::is_base_of_v<UObject, T>, "only UObject pointers cross into JS");
		static T* FromJs(FEnv* Env, v8::Local<v8::Value> V) { return dynamic_cast<T*>(UnwrapObject(Env, V)); }
		static v8::Local<v8::Value> ToJs(FEnv* Env, T* X) { return WrapObject(Env, X); }
	};

	template <typename T> using TPlain = std::remove_cv_t<std::remove_reference_t<T>>;

	/** A JS function as the body of a delegate binding: a call into the env; a no-op (counted) once it is gone. */
	template <typename... A>
	std::function<void(A...)> ScriptFunction(FEnv* Env, v8::Local<v8::Function> Fn)
	{
		auto Held = std::make_shared<v8::Global<v8::Function>>(IsolateOf(Env), Fn);
		std::shared_ptr<bool> Alive = AliveOf(Env);
		return [Env, Held, Alive](A... Args) {
			if (!*Alive)
			{
				++HsEngine::CallsIntoDeadEnv;
				return;
			}
			Enter(Env, [&](v8::Local<v8::Context> Context) {
				v8::Isolate* Isolate = IsolateOf(Env);
				std::array<v8::Local<v8::Value>, sizeof...(A) + 1> Argv{TConv<TPlain<A>>::ToJs(Env, Args)..., v8::Undefined(Isolate)};
				(void)Held->Get(Isolate)->Call(Context, v8::Undefined(Isolate), (int)sizeof...(A), Argv.data());
			});
		};
	}

	template <typename T, typename = void> struct THasSignature : std::false_type {};
	template <typename T> struct THasSignature<T, std::void_t<typename T::FHsSignature>> : std::true_type {};

	template <typename... A>
	void BindFromJs(FEnv* Env, v8::Local<v8::Value> V, TDynamicDelegateStub<void(A...)>& Delegate)
	{
		if (V->IsFunction()) Delegate.HsBindScript(ScriptFunction<A...>(Env, V.As<v8::Function>()));
	}

	/** An argument of a UFUNCTION called from JS, converted as Puerts converts it. */
	template <typename T>
	T Arg(FEnv* Env, v8::Local<v8::Value> V)
	{
		if constexpr (THasSignature<T>::value)
		{
			T Delegate;
			BindFromJs(Env, V, Delegate);
			return Delegate;
		}
		else
		{
			return TConv<T>::FromJs(Env, V);
		}
	}

	/** `$ref` box in, value out (FString& and other out-parameters). */
	template <typename T>
	T RefIn(FEnv* Env, v8::Local<v8::Value> V)
	{
		if (!V->IsArray()) return T();
		return TConv<T>::FromJs(Env, V.As<v8::Array>()->Get(ContextOf(Env), 0).ToLocalChecked());
	}
	template <typename T>
	void RefOut(FEnv* Env, v8::Local<v8::Value> V, const T& Value)
	{
		if (V->IsArray()) (void)V.As<v8::Array>()->Set(ContextOf(Env), 0, TConv<T>::ToJs(Env, Value));
	}

	v8::Local<v8::Object> NewPlainObject(FEnv* Env);
	void SetFunction(FEnv* Env, v8::Local<v8::Object> Target, const char* Name, std::function<void(const v8::FunctionCallbackInfo<v8::Value>&)> Body);

	/** A single dynamic delegate seen from JS: Bind/Unbind/IsBound/Execute (Puerts' API). */
	template <typename... A>
	v8::Local<v8::Value> PropertyToJs(FEnv* Env, TDynamicDelegateStub<void(A...)>* Delegate)
	{
		v8::Local<v8::Object> Out = NewPlainObject(Env);
		SetFunction(Env, Out, "Bind", [Env, Delegate](const v8::FunctionCallbackInfo<v8::Value>& Info) { BindFromJs(Env, Info[0], *Delegate); });
		SetFunction(Env, Out, "Unbind", [Delegate](const v8::FunctionCallbackInfo<v8::Value>&) { Delegate->Unbind(); });
		SetFunction(Env, Out, "IsBound", [Env, Delegate](const v8::FunctionCallbackInfo<v8::Value>& Info) { Info.GetReturnValue().Set(Delegate->IsBound()); });
		return Out;
	}

	/** A multicast dynamic delegate seen from JS: Add/Remove/Clear/IsBound (Puerts' API). */
	template <typename... A>
	v8::Local<v8::Value> PropertyToJs(FEnv* Env, TDynamicMulticastStub<void(A...)>* Delegate)
	{
		v8::Local<v8::Object> Out = NewPlainObject(Env);
		SetFunction(Env, Out, "Add", [Env, Delegate](const v8::FunctionCallbackInfo<v8::Value>& Info) {
			if (!Info[0]->IsFunction()) return;
			const uint64_t Id = Delegate->HsAddScript(ScriptFunction<A...>(Env, Info[0].As<v8::Function>()));
			(void)Info[0].As<v8::Object>()->SetPrivate(ContextOf(Env), v8::Private::ForApi(IsolateOf(Env), v8::String::NewFromUtf8Literal(IsolateOf(Env), "hs.delegateId")), v8::Number::New(IsolateOf(Env), (double)Id));
		});
		SetFunction(Env, Out, "Remove", [Env, Delegate](const v8::FunctionCallbackInfo<v8::Value>& Info) {
			if (!Info[0]->IsFunction()) return;
			v8::Local<v8::Value> Id;
			if (Info[0].As<v8::Object>()->GetPrivate(ContextOf(Env), v8::Private::ForApi(IsolateOf(Env), v8::String::NewFromUtf8Literal(IsolateOf(Env), "hs.delegateId"))).ToLocal(&Id) && Id->IsNumber())
				Delegate->HsRemoveScript((uint64_t)Id.As<v8::Number>()->Value());
		});
		SetFunction(Env, Out, "Clear", [Delegate](const v8::FunctionCallbackInfo<v8::Value>&) { Delegate->Clear(); });
		SetFunction(Env, Out, "IsBound", [Delegate](const v8::FunctionCallbackInfo<v8::Value>& Info) { Info.GetReturnValue().Set(Delegate->IsBound()); });
		return Out;
	}
}
