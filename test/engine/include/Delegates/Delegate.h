// RUNNABLE overlay of test/cpp/engine/Delegates/Delegate.h (test/engine: the harness copies test/cpp/engine and
// lays test/engine/include over it). Same declarations; multicast and dynamic delegates really store and call
// their bindings. Engine semantics kept: a native multicast broadcasts over a copy of its list, last added first
// (TMulticastDelegate::Broadcast walks the invocation list backwards); a dynamic delegate binds a UObject's
// UFUNCTION by name or, from Puerts, a JS function (HsBindScript / HsAddScript, used by the generated glue).
#pragma once

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

uint64_t HsNextDelegateId();

/** JS functions currently added to multicast dynamic delegates (Puerts' Add), minus those removed or cleared. */
inline int HsLiveScriptBindings = 0;

class FDelegateHandle
{
public:
	FDelegateHandle() = default;
	explicit FDelegateHandle(uint64_t InId) : Id(InId) {}
	bool IsValid() const { return Id != 0; }
	void Reset() { Id = 0; }
	uint64_t HsId() const { return Id; }
	friend bool operator==(const FDelegateHandle& A, const FDelegateHandle& B) { return A.Id == B.Id; }

private:
	uint64_t Id = 0;
};

template <bool Const, typename Class, typename Signature> struct THsMemFunPtrType;
template <typename Class, typename R, typename... Args> struct THsMemFunPtrType<false, Class, R(Args...)>
{
	typedef R (Class::*Type)(Args...);
};
template <typename Class, typename R, typename... Args> struct THsMemFunPtrType<true, Class, R(Args...)>
{
	typedef R (Class::*Type)(Args...) const;
};

template <typename UserClass> inline void HsRequireUObject()
{
	static_assert(std::is_base_of_v<UObject, std::remove_const_t<UserClass>>, "UObject delegates bind only UObjects: use CreateRaw/CreateSP for other classes");
}

template <typename Signature> class TDelegate;

template <typename R, typename... Args>
class TDelegate<R(Args...)>
{
public:
	template <typename F> static TDelegate CreateLambda(F&& Functor)
	{
		static_assert(std::is_invocable_r_v<R, std::decay_t<F>&, Args...>, "the lambda's parameters or return type do not match the delegate's signature");
		TDelegate D;
		D.Fn = std::forward<F>(Functor);
		return D;
	}
	template <typename C, typename... Vars>
	static TDelegate CreateUObject(C* Object, typename THsMemFunPtrType<false, C, R(Args..., Vars...)>::Type Method, Vars... Payload)
	{
		HsRequireUObject<C>();
		return Member(Object, Method, Payload...);
	}
	template <typename C, typename... Vars>
	static TDelegate CreateUObject(const C* Object, typename THsMemFunPtrType<true, C, R(Args..., Vars...)>::Type Method, Vars... Payload)
	{
		HsRequireUObject<C>();
		return Member(Object, Method, Payload...);
	}
	template <typename C, typename... Vars>
	static TDelegate CreateRaw(C* Object, typename THsMemFunPtrType<false, C, R(Args..., Vars...)>::Type Method, Vars... Payload)
	{
		return Member(Object, Method, Payload...);
	}
	template <typename C, typename... Vars>
	static TDelegate CreateRaw(const C* Object, typename THsMemFunPtrType<true, C, R(Args..., Vars...)>::Type Method, Vars... Payload)
	{
		return Member(Object, Method, Payload...);
	}
	template <typename F> void BindLambda(F&& Functor) { *this = CreateLambda(std::forward<F>(Functor)); }
	template <typename C, typename... Vars>
	void BindUObject(C* Object, typename THsMemFunPtrType<false, C, R(Args..., Vars...)>::Type Method, Vars... Payload)
	{
		*this = CreateUObject(Object, Method, Payload...);
	}
	template <typename C, typename... Vars>
	void BindUObject(const C* Object, typename THsMemFunPtrType<true, C, R(Args..., Vars...)>::Type Method, Vars... Payload)
	{
		*this = CreateUObject(Object, Method, Payload...);
	}
	template <typename C, typename F> void BindWeakLambda(C* Object, F&& Functor)
	{
		HsRequireUObject<C>();
		*this = CreateLambda(std::forward<F>(Functor));
	}
	bool IsBound() const { return (bool)Fn; }
	void Unbind() { Fn = nullptr; }
	R Execute(Args... A) const { return Fn(A...); }
	bool ExecuteIfBound(Args... A) const
	{
		if (Fn) { Fn(A...); return true; }
		return false;
	}

private:
	template <typename C, typename M, typename... Vars> static TDelegate Member(C* Object, M Method, Vars... Payload)
	{
		TDelegate D;
		D.Fn = [Object, Method, Payload...](Args... A) -> R { return (Object->*Method)(A..., Payload...); };
		return D;
	}

	std::function<R(Args...)> Fn;
};

template <typename Signature> class TMulticastDelegate;

template <typename... Args>
class TMulticastDelegate<void(Args...)>
{
public:
	/** The single-cast delegate type of this multicast (FSimpleMulticastDelegate::FDelegate, ...). */
	using FDelegate = TDelegate<void(Args...)>;
	template <typename C, typename... Vars>
	FDelegateHandle AddUObject(C* Object, typename THsMemFunPtrType<false, C, void(Args..., Vars...)>::Type Method, Vars... Payload)
	{
		HsRequireUObject<C>();
		return Store(Object, [Object, Method, Payload...](Args... A) { (Object->*Method)(A..., Payload...); });
	}
	template <typename C, typename... Vars>
	FDelegateHandle AddUObject(const C* Object, typename THsMemFunPtrType<true, C, void(Args..., Vars...)>::Type Method, Vars... Payload)
	{
		HsRequireUObject<C>();
		return Store(Object, [Object, Method, Payload...](Args... A) { (Object->*Method)(A..., Payload...); });
	}
	template <typename C, typename... Vars>
	FDelegateHandle AddRaw(C* Object, typename THsMemFunPtrType<false, C, void(Args..., Vars...)>::Type Method, Vars... Payload)
	{
		return Store(Object, [Object, Method, Payload...](Args... A) { (Object->*Method)(A..., Payload...); });
	}
	template <typename F> FDelegateHandle AddLambda(F&& Functor)
	{
		static_assert(std::is_invocable_v<std::decay_t<F>&, Args...>, "the lambda's parameters do not match the delegate's signature");
		return Store(nullptr, std::function<void(Args...)>(std::forward<F>(Functor)));
	}
	template <typename C, typename F> FDelegateHandle AddWeakLambda(C* Object, F&& Functor)
	{
		HsRequireUObject<C>();
		return Store(Object, std::function<void(Args...)>(std::forward<F>(Functor)));
	}
	bool Remove(FDelegateHandle Handle)
	{
		const size_t Before = Entries.size();
		std::erase_if(Entries, [&](const FEntry& E) { return E.Id == Handle.HsId(); });
		return Entries.size() != Before;
	}
	void RemoveAll(const void* InUserObject)
	{
		std::erase_if(Entries, [&](const FEntry& E) { return E.Object == InUserObject; });
	}
	void Broadcast(Args... A) const
	{
		const std::vector<FEntry> Copy = Entries;
		for (auto It = Copy.rbegin(); It != Copy.rend(); ++It)
		{
			It->Fn(A...);
		}
	}
	void Clear() { Entries.clear(); }
	bool IsBound() const { return !Entries.empty(); }

private:
	struct FEntry
	{
		uint64_t Id;
		const void* Object;
		std::function<void(Args...)> Fn;
	};
	FDelegateHandle Store(const void* Object, std::function<void(Args...)> Fn)
	{
		const uint64_t Id = HsNextDelegateId();
		Entries.push_back(FEntry{Id, Object, std::move(Fn)});
		return FDelegateHandle(Id);
	}
	std::vector<FEntry> Entries;
};

// Dynamic (reflected) delegates. From C++: BindDynamic/AddDynamic(Object, &Class::Function) (the name is kept,
// as the engine keeps it). From Puerts: a JS function (HsBindScript/HsAddScript), which the generated glue wraps.
template <typename Signature> class TDynamicDelegateStub;
template <typename... Args>
class TDynamicDelegateStub<void(Args...)>
{
public:
	using FHsSignature = void(Args...);
	bool IsBound() const { return (bool)Fn; }
	void Unbind()
	{
		Fn = nullptr;
		Object = nullptr;
		FunctionName = FString();
	}
	void ExecuteIfBound(Args... A) const
	{
		if (Fn)
		{
			const std::function<void(Args...)> Copy = Fn;
			Copy(A...);
		}
	}
	void Execute(Args... A) const
	{
		check(Fn);
		ExecuteIfBound(A...);
	}
	template <typename C>
	void HsInternalBindDynamic(C* InObject, typename THsMemFunPtrType<false, C, void(Args...)>::Type Method, const TCHAR* InFunctionName)
	{
		HsRequireUObject<C>();
		Object = InObject;
		FunctionName = InFunctionName;
		Fn = [InObject, Method](Args... A) { (InObject->*Method)(A...); };
	}
	void HsBindScript(std::function<void(Args...)> InFn)
	{
		Object = nullptr;
		FunctionName = TEXT("(script)");
		Fn = std::move(InFn);
	}
	const FString& HsFunctionName() const { return FunctionName; }

private:
	const void* Object = nullptr;
	FString FunctionName;
	std::function<void(Args...)> Fn;
};
template <typename Signature> class TDynamicMulticastStub;
template <typename... Args>
class TDynamicMulticastStub<void(Args...)>
{
public:
	using FHsSignature = void(Args...);
	bool IsBound() const { return !Entries.empty(); }
	void Broadcast(Args... A) const
	{
		const std::vector<FEntry> Copy = Entries;
		for (const FEntry& Entry : Copy)
		{
			Entry.Fn(A...);
		}
	}
	void Clear()
	{
		HsLiveScriptBindings -= (int)std::count_if(Entries.begin(), Entries.end(), [](const FEntry& E) { return E.ScriptId != 0; });
		Entries.clear();
	}
	template <typename C>
	void HsInternalAddDynamic(C* Object, typename THsMemFunPtrType<false, C, void(Args...)>::Type Method, const TCHAR* FunctionName)
	{
		HsRequireUObject<C>();
		HsInternalRemoveDynamic(Object, Method, FunctionName);
		Entries.push_back(FEntry{Object, FString(FunctionName), 0, [Object, Method](Args... A) { (Object->*Method)(A...); }});
	}
	template <typename C>
	void HsInternalRemoveDynamic(C* Object, typename THsMemFunPtrType<false, C, void(Args...)>::Type Method, const TCHAR* FunctionName)
	{
		HsRequireUObject<C>();
		const FString Name(FunctionName);
		std::erase_if(Entries, [&](const FEntry& E) { return E.Object == Object && E.FunctionName.Equals(Name); });
	}
	uint64_t HsAddScript(std::function<void(Args...)> Fn)
	{
		const uint64_t Id = HsNextDelegateId();
		Entries.push_back(FEntry{nullptr, FString(TEXT("(script)")), Id, std::move(Fn)});
		++HsLiveScriptBindings;
		return Id;
	}
	void HsRemoveScript(uint64_t Id)
	{
		HsLiveScriptBindings -= (int)std::erase_if(Entries, [&](const FEntry& E) { return E.ScriptId == Id; });
	}

private:
	struct FEntry
	{
		const void* Object;
		FString FunctionName;
		uint64_t ScriptId;
		std::function<void(Args...)> Fn;
	};
	std::vector<FEntry> Entries;
};

#define HS_DYNAMIC_FUNCTION_NAME(FuncName) TEXT(#FuncName)
#define BindDynamic(UserObject, FuncName) HsInternalBindDynamic(UserObject, FuncName, HS_DYNAMIC_FUNCTION_NAME(FuncName))
#define AddDynamic(UserObject, FuncName) HsInternalAddDynamic(UserObject, FuncName, HS_DYNAMIC_FUNCTION_NAME(FuncName))
#define AddUniqueDynamic(UserObject, FuncName) HsInternalAddDynamic(UserObject, FuncName, HS_DYNAMIC_FUNCTION_NAME(FuncName))
#define RemoveDynamic(UserObject, FuncName) HsInternalRemoveDynamic(UserObject, FuncName, HS_DYNAMIC_FUNCTION_NAME(FuncName))

#define DECLARE_DELEGATE(Name) typedef TDelegate<void()> Name
#define DECLARE_DELEGATE_OneParam(Name, T1) typedef TDelegate<void(T1)> Name
#define DECLARE_DELEGATE_RetVal_OneParam(R, Name, T1) typedef TDelegate<R(T1)> Name
#define DECLARE_MULTICAST_DELEGATE(Name) typedef TMulticastDelegate<void()> Name
/** Core's FSimpleMulticastDelegate (DECLARE_MULTICAST_DELEGATE(FSimpleMulticastDelegate) in Delegates/Delegate.h). */
typedef TMulticastDelegate<void()> FSimpleMulticastDelegate;
#define DECLARE_MULTICAST_DELEGATE_TwoParams(Name, T1, T2) typedef TMulticastDelegate<void(T1, T2)> Name
#define DECLARE_DYNAMIC_DELEGATE(Name) class Name : public TDynamicDelegateStub<void()> {}
#define DECLARE_DYNAMIC_DELEGATE_OneParam(Name, T1, N1) class Name : public TDynamicDelegateStub<void(T1)> {}
#define DECLARE_DYNAMIC_DELEGATE_TwoParams(Name, T1, N1, T2, N2) class Name : public TDynamicDelegateStub<void(T1, T2)> {}
#define DECLARE_DYNAMIC_DELEGATE_ThreeParams(Name, T1, N1, T2, N2, T3, N3) \
	class Name : public TDynamicDelegateStub<void(T1, T2, T3)> {}
#define DECLARE_DYNAMIC_MULTICAST_DELEGATE(Name) class Name : public TDynamicMulticastStub<void()> {}
#define DECLARE_DYNAMIC_MULTICAST_DELEGATE_OneParam(Name, T1, N1) class Name : public TDynamicMulticastStub<void(T1)> {}
#define DECLARE_DYNAMIC_MULTICAST_DELEGATE_TwoParams(Name, T1, N1, T2, N2) \
	class Name : public TDynamicMulticastStub<void(T1, T2)> {}
#define DECLARE_DYNAMIC_MULTICAST_DELEGATE_ThreeParams(Name, T1, N1, T2, N2, T3, N3) \
	class Name : public TDynamicMulticastStub<void(T1, T2, T3)> {}
