// Stand-in for the engine's delegate headers: TDelegate, TMulticastDelegate, FDelegateHandle, the
// DECLARE_*DELEGATE* macros, with the member functions the bridge calls.
#pragma once

class FDelegateHandle
{
public:
	bool IsValid() const { return Id != 0; }
	void Reset() { Id = 0; }

private:
	uint64_t Id = 0;
};

/** R (C::*)(Args...), const-qualified when Const: the one member-function type a delegate accepts. */
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

// The engine's delegates accept a member function only of exactly the delegate's signature (plus trailing
// payload parameters): `typename TMemFunPtrType<...>::Type` is not deduced, so a method with other parameters
// does not convert. UObject binders need a UObject; lambdas must be callable with the delegate's parameters.
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
		return FDelegateHandle();
	}
	template <typename C, typename... Vars>
	FDelegateHandle AddUObject(const C* Object, typename THsMemFunPtrType<true, C, void(Args..., Vars...)>::Type Method, Vars... Payload)
	{
		HsRequireUObject<C>();
		return FDelegateHandle();
	}
	template <typename C, typename... Vars>
	FDelegateHandle AddRaw(C* Object, typename THsMemFunPtrType<false, C, void(Args..., Vars...)>::Type Method, Vars... Payload)
	{
		return FDelegateHandle();
	}
	template <typename F> FDelegateHandle AddLambda(F&& Functor)
	{
		static_assert(std::is_invocable_v<std::decay_t<F>&, Args...>, "the lambda's parameters do not match the delegate's signature");
		return FDelegateHandle();
	}
	template <typename C, typename F> FDelegateHandle AddWeakLambda(C* Object, F&& Functor)
	{
		HsRequireUObject<C>();
		return AddLambda(std::forward<F>(Functor));
	}
	bool Remove(FDelegateHandle Handle);
	void RemoveAll(const void* InUserObject);
	void Broadcast(Args... A) const;
	void Clear();
	bool IsBound() const;
};

// Dynamic (reflected) delegates: bound by Blueprints or Puerts, or from C++ with BindDynamic/AddDynamic. The
// engine's macros pass (Object, &Class::Function) and the function's name; the method must be exactly the
// delegate's signature and the object a UObject. That the function is a UFUNCTION (else the binding fails at
// run time: the name is looked up by reflection) is checked by test/cpp/uht-rules.test.ts, not the compiler.
template <typename Signature> class TDynamicDelegateStub;
template <typename... Args>
class TDynamicDelegateStub<void(Args...)>
{
public:
	bool IsBound() const;
	void Unbind();
	void ExecuteIfBound(Args... A) const;
	void Execute(Args... A) const;
	template <typename C>
	void HsInternalBindDynamic(C* Object, typename THsMemFunPtrType<false, C, void(Args...)>::Type Method, const TCHAR* FunctionName)
	{
		HsRequireUObject<C>();
	}
};
template <typename Signature> class TDynamicMulticastStub;
template <typename... Args>
class TDynamicMulticastStub<void(Args...)>
{
public:
	bool IsBound() const;
	void Broadcast(Args... A) const;
	void Clear();
	template <typename C>
	void HsInternalAddDynamic(C* Object, typename THsMemFunPtrType<false, C, void(Args...)>::Type Method, const TCHAR* FunctionName)
	{
		HsRequireUObject<C>();
	}
	template <typename C>
	void HsInternalRemoveDynamic(C* Object, typename THsMemFunPtrType<false, C, void(Args...)>::Type Method, const TCHAR* FunctionName)
	{
		HsRequireUObject<C>();
	}
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
