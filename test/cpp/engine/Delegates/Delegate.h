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

template <typename Signature> class TDelegate;

template <typename R, typename... Args>
class TDelegate<R(Args...)>
{
public:
	template <typename F> static TDelegate CreateLambda(F&& Functor) { TDelegate D; D.Fn = std::forward<F>(Functor); return D; }
	template <typename C, typename M> static TDelegate CreateUObject(C* Object, M Method)
	{
		TDelegate D;
		D.Fn = [Object, Method](Args... A) -> R { return (Object->*Method)(A...); };
		return D;
	}
	template <typename C, typename M> static TDelegate CreateRaw(C* Object, M Method) { return CreateUObject(Object, Method); }
	template <typename F> void BindLambda(F&& Functor) { Fn = std::forward<F>(Functor); }
	template <typename C, typename M> void BindUObject(C* Object, M Method) { *this = CreateUObject(Object, Method); }
	template <typename C, typename F> void BindWeakLambda(C* Object, F&& Functor) { Fn = std::forward<F>(Functor); }
	bool IsBound() const { return (bool)Fn; }
	void Unbind() { Fn = nullptr; }
	R Execute(Args... A) const { return Fn(A...); }
	bool ExecuteIfBound(Args... A) const
	{
		if (Fn) { Fn(A...); return true; }
		return false;
	}

private:
	std::function<R(Args...)> Fn;
};

template <typename Signature> class TMulticastDelegate;

template <typename... Args>
class TMulticastDelegate<void(Args...)>
{
public:
	template <typename C, typename M> FDelegateHandle AddUObject(C* Object, M Method);
	template <typename F> FDelegateHandle AddLambda(F&& Functor);
	bool Remove(FDelegateHandle Handle);
	void RemoveAll(const void* InUserObject);
	void Broadcast(Args... A) const;
	void Clear();
	bool IsBound() const;
};

/** Dynamic (reflected) delegates: bound by Blueprints or Puerts, executed from C++. */
template <typename Signature> class TDynamicDelegateStub;
template <typename... Args>
class TDynamicDelegateStub<void(Args...)>
{
public:
	bool IsBound() const;
	void Unbind();
	void ExecuteIfBound(Args... A) const;
	void Execute(Args... A) const;
};
template <typename Signature> class TDynamicMulticastStub;
template <typename... Args>
class TDynamicMulticastStub<void(Args...)>
{
public:
	bool IsBound() const;
	void Broadcast(Args... A) const;
	void Clear();
};

#define DECLARE_DELEGATE_OneParam(Name, T1) typedef TDelegate<void(T1)> Name
#define DECLARE_DELEGATE_RetVal_OneParam(R, Name, T1) typedef TDelegate<R(T1)> Name
#define DECLARE_MULTICAST_DELEGATE(Name) typedef TMulticastDelegate<void()> Name
#define DECLARE_MULTICAST_DELEGATE_TwoParams(Name, T1, T2) typedef TMulticastDelegate<void(T1, T2)> Name
#define DECLARE_DYNAMIC_DELEGATE(Name) class Name : public TDynamicDelegateStub<void()> {}
#define DECLARE_DYNAMIC_DELEGATE_OneParam(Name, T1, N1) class Name : public TDynamicDelegateStub<void(T1)> {}
#define DECLARE_DYNAMIC_DELEGATE_TwoParams(Name, T1, N1, T2, N2) class Name : public TDynamicDelegateStub<void(T1, T2)> {}
#define DECLARE_DYNAMIC_DELEGATE_ThreeParams(Name, T1, N1, T2, N2, T3, N3) \
	class Name : public TDynamicDelegateStub<void(T1, T2, T3)> {}
#define DECLARE_DYNAMIC_MULTICAST_DELEGATE(Name) class Name : public TDynamicMulticastStub<void()> {}
#define DECLARE_DYNAMIC_MULTICAST_DELEGATE_TwoParams(Name, T1, N1, T2, N2) \
	class Name : public TDynamicMulticastStub<void(T1, T2)> {}
#define DECLARE_DYNAMIC_MULTICAST_DELEGATE_ThreeParams(Name, T1, N1, T2, N2, T3, N3) \
	class Name : public TDynamicMulticastStub<void(T1, T2, T3)> {}
