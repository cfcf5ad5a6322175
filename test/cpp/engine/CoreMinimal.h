// Stand-in for the engine's CoreMinimal.h: ONLY the Core API the HelpshiftTS bridge uses, with the engine's
// signatures (UE 5.x), so `g++ -fsyntax-only` proves the bridge's calls are well-formed. Not an engine.
#pragma once
#include <algorithm>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

// ---- platform types --------------------------------------------------------------------------------------
typedef char16_t TCHAR;
typedef char ANSICHAR;
typedef std::int8_t int8;
typedef std::int16_t int16;
typedef std::int32_t int32;
typedef std::int64_t int64;
typedef std::uint8_t uint8;
typedef std::uint16_t uint16;
typedef std::uint32_t uint32;
typedef std::uint64_t uint64;
#define TEXT(x) u##x
#define MAX_int32 ((int32)0x7fffffff)
#define MIN_int32 ((int32)0x80000000)
// Misc/CoreMiscDefines.h: "no index" (FWorldContext::PIEInstance of a world that is not a PIE client).
enum { INDEX_NONE = -1 };
// As in a development build: a failed check() stops the program (test/cpp/run programs observe it).
[[noreturn]] inline void HsCheckFailed(const char* Expr, const char* File, int Line)
{
	std::fprintf(stderr, "Assertion failed: %s [%s:%d]\n", Expr, File, Line);
	std::fflush(stderr);
	std::abort();
}
#define check(expr) ((expr) ? (void)0 : HsCheckFailed(#expr, __FILE__, __LINE__))
#define ensure(expr) (!!(expr))

// ---- UHT markers: reflection metadata is for UnrealHeaderTool, not the compiler ---------------------------
#define UCLASS(...)
#define USTRUCT(...)
#define UENUM(...)
#define UPROPERTY(...)
#define UFUNCTION(...)
#define UMETA(...)
// GENERATED_BODY expands, as in the engine, to a per-file, per-line macro defined in <File>.generated.h
// (written for this test by test/cpp/uht.ts from the headers themselves).
#define HS_BODY_COMBINE_INNER(A, B, C, D) A##B##C##D
#define HS_BODY_COMBINE(A, B, C, D) HS_BODY_COMBINE_INNER(A, B, C, D)
#define GENERATED_BODY() HS_BODY_COMBINE(CURRENT_FILE_ID, _, __LINE__, _GENERATED_BODY)
#define HELPSHIFTTS_API
#define HELPSHIFTTSEDITOR_API
#define JSENV_API

template <typename T> inline T&& MoveTemp(T& Value) { return static_cast<T&&>(Value); }

// ---- strings -------------------------------------------------------------------------------------------
namespace ESearchCase
{
	enum Type { CaseSensitive, IgnoreCase };
}

/** ASCII case folding, as the engine's TChar::ToLower does for FString comparisons. */
inline TCHAR HsFoldCase(TCHAR Ch) { return (Ch >= u'A' && Ch <= u'Z') ? (TCHAR)(Ch - u'A' + u'a') : Ch; }

/** <0, 0, >0 as the engine's FCString::Strcmp / Stricmp. */
inline int HsCompare(const std::u16string& A, const std::u16string& B, ESearchCase::Type SearchCase)
{
	const size_t Count = A.size() < B.size() ? A.size() : B.size();
	for (size_t I = 0; I < Count; ++I)
	{
		const TCHAR X = SearchCase == ESearchCase::IgnoreCase ? HsFoldCase(A[I]) : A[I];
		const TCHAR Y = SearchCase == ESearchCase::IgnoreCase ? HsFoldCase(B[I]) : B[I];
		if (X != Y)
		{
			return X < Y ? -1 : 1;
		}
	}
	return A.size() == B.size() ? 0 : (A.size() < B.size() ? -1 : 1);
}

// The engine's FString: `==`, `!=` and `<` ignore case (FString::operator== is a Stricmp); Equals is
// case-sensitive unless told otherwise; StartsWith/EndsWith ignore case unless told otherwise.
class FString
{
public:
	FString() = default;
	FString(const TCHAR* In) : Data(In ? In : u"") {}
	FString(const FString&) = default;
	FString(FString&&) = default;
	FString& operator=(const FString&) = default;
	FString& operator=(FString&&) = default;
	FString& operator=(const TCHAR* In) { Data = In; return *this; }

	const TCHAR* operator*() const { return Data.c_str(); }
	bool IsEmpty() const { return Data.empty(); }
	int32 Len() const { return (int32)Data.size(); }
	void Empty() { Data.clear(); }
	void Reset() { Data.clear(); }
	FString Left(int32 Count) const { return FString(Data.substr(0, Count > 0 ? Count : 0).c_str()); }
	FString ToLower() const
	{
		FString Out(*this);
		for (TCHAR& Ch : Out.Data)
		{
			Ch = HsFoldCase(Ch);
		}
		return Out;
	}
	bool StartsWith(const FString& Prefix, ESearchCase::Type SearchCase = ESearchCase::IgnoreCase) const
	{
		return Data.size() >= Prefix.Data.size() &&
			HsCompare(Data.substr(0, Prefix.Data.size()), Prefix.Data, SearchCase) == 0;
	}
	bool StartsWith(const TCHAR* Prefix, ESearchCase::Type SearchCase = ESearchCase::IgnoreCase) const
	{
		return StartsWith(FString(Prefix), SearchCase);
	}
	bool EndsWith(const FString& Suffix, ESearchCase::Type SearchCase = ESearchCase::IgnoreCase) const
	{
		return Data.size() >= Suffix.Data.size() &&
			HsCompare(Data.substr(Data.size() - Suffix.Data.size()), Suffix.Data, SearchCase) == 0;
	}
	bool EndsWith(const TCHAR* Suffix, ESearchCase::Type SearchCase = ESearchCase::IgnoreCase) const
	{
		return EndsWith(FString(Suffix), SearchCase);
	}
	bool Equals(const FString& Other, ESearchCase::Type SearchCase = ESearchCase::CaseSensitive) const
	{
		return HsCompare(Data, Other.Data, SearchCase) == 0;
	}
	int32 Compare(const FString& Other, ESearchCase::Type SearchCase = ESearchCase::CaseSensitive) const
	{
		return HsCompare(Data, Other.Data, SearchCase);
	}
	FString& operator+=(const FString& Other) { Data += Other.Data; return *this; }
	FString& operator+=(const TCHAR* Other) { Data += Other; return *this; }
	void AppendChar(TCHAR Character) { Data += Character; }
	static FString FromInt(int32 Number)
	{
		const std::string Digits = std::to_string(Number);
		return FString(std::u16string(Digits.begin(), Digits.end()).c_str());
	}
	friend FString operator+(const FString& A, const FString& B) { FString Out(A); Out += B; return Out; }
	friend FString operator+(const FString& A, const TCHAR* B) { FString Out(A); Out += B; return Out; }
	friend FString operator/(const FString& A, const FString& B) { return A + TEXT("/") + B; }
	friend FString operator/(const FString& A, const TCHAR* B) { return A + TEXT("/") + B; }
	friend bool operator==(const FString& A, const FString& B) { return A.Equals(B, ESearchCase::IgnoreCase); }
	friend bool operator==(const FString& A, const TCHAR* B) { return A.Equals(FString(B), ESearchCase::IgnoreCase); }
	friend bool operator==(const TCHAR* A, const FString& B) { return B == A; }
	friend bool operator!=(const FString& A, const FString& B) { return !(A == B); }
	friend bool operator!=(const FString& A, const TCHAR* B) { return !(A == B); }
	friend bool operator!=(const TCHAR* A, const FString& B) { return !(B == A); }
	friend bool operator<(const FString& A, const FString& B) { return A.Compare(B, ESearchCase::IgnoreCase) < 0; }
	std::u16string::const_iterator begin() const { return Data.begin(); }
	std::u16string::const_iterator end() const { return Data.end(); }

private:
	std::u16string Data;
};

/** The engine hashes FString keys case-insensitively (FCrc::Strihash), so TMap<FString, V> keys ignore case. */
inline uint32 GetTypeHash(const FString& S)
{
	uint32 Hash = 2166136261u;
	for (const TCHAR Ch : S)
	{
		Hash = (Hash ^ (uint32)HsFoldCase(Ch)) * 16777619u;
	}
	return Hash;
}

/** The engine's "no name" (EName::NAME_None converts to an empty FName). */
enum EName : uint32 { NAME_None = 0 };

class FName
{
public:
	FName() = default;
	FName(EName) {}
	FName(const TCHAR* In) : Text(In) {}
	FString ToString() const { return Text; }
	bool IsNone() const { return Text.IsEmpty(); }
	/** FName comparison ignores case, as the engine's does. */
	friend bool operator==(const FName& A, const FName& B) { return A.Text == B.Text; }
	friend bool operator!=(const FName& A, const FName& B) { return !(A == B); }

private:
	FString Text;
};

/** The engine's FText, reduced to the text it holds (no localization). */
class FText
{
public:
	static FText FromString(const FString& String)
	{
		FText Out;
		Out.Data = String;
		return Out;
	}
	static const FText& GetEmpty()
	{
		static const FText Empty;
		return Empty;
	}
	const FString& ToString() const { return Data; }
	bool IsEmpty() const { return Data.IsEmpty(); }

private:
	FString Data;
};

// ---- containers ----------------------------------------------------------------------------------------
template <typename K, typename V>
struct TPair
{
	TPair() = default;
	TPair(const K& InKey, const V& InValue) : Key(InKey), Value(InValue) {}
	K Key;
	V Value;
};

template <typename T>
class TArray
{
public:
	int32 Add(const T& Item) { Items.push_back(Item); return (int32)Items.size() - 1; }
	int32 Add(T&& Item) { Items.push_back(std::move(Item)); return (int32)Items.size() - 1; }
	template <typename Predicate> int32 RemoveAll(const Predicate& Pred)
	{
		const size_t Before = Items.size();
		Items.erase(std::remove_if(Items.begin(), Items.end(), Pred), Items.end());
		return (int32)(Before - Items.size());
	}
	int32 Num() const { return (int32)Items.size(); }
	void Reset() { Items.clear(); }
	void Empty() { Items.clear(); }
	T Pop() { T Out = Items.back(); Items.pop_back(); return Out; }
	T& Last() { return Items.back(); }
	T& operator[](int32 Index) { return Items[Index]; }
	const T& operator[](int32 Index) const { return Items[Index]; }
	typename std::vector<T>::iterator begin() { return Items.begin(); }
	typename std::vector<T>::iterator end() { return Items.end(); }
	typename std::vector<T>::const_iterator begin() const { return Items.begin(); }
	typename std::vector<T>::const_iterator end() const { return Items.end(); }

private:
	std::vector<T> Items;
};

// The engine's TMap finds keys by the key type's operator== (TDefaultMapKeyFuncs): for FString keys that
// ignores case, so "Key" and "key" are one entry. Add replaces the entry of an equal key (key and value), as the
// engine's does. Insertion order is kept (the engine's is unspecified after removals).
template <typename K, typename V>
class TMap
{
public:
	V& Add(const K& Key, const V& Value)
	{
		if (TPair<K, V>* Existing = FindPair(Key))
		{
			*Existing = TPair<K, V>(Key, Value);
			return Existing->Value;
		}
		Pairs.push_back(TPair<K, V>(Key, Value));
		return Pairs.back().Value;
	}
	int32 Remove(const K& Key)
	{
		for (auto It = Pairs.begin(); It != Pairs.end(); ++It)
		{
			if (It->Key == Key)
			{
				Pairs.erase(It);
				return 1;
			}
		}
		return 0;
	}
	bool Contains(const K& Key) const { return FindPair(Key) != nullptr; }
	V* Find(const K& Key)
	{
		TPair<K, V>* Pair = FindPair(Key);
		return Pair ? &Pair->Value : nullptr;
	}
	const V* Find(const K& Key) const
	{
		const TPair<K, V>* Pair = FindPair(Key);
		return Pair ? &Pair->Value : nullptr;
	}
	V& FindOrAdd(const K& Key)
	{
		V* Found = Find(Key);
		return Found ? *Found : Add(Key, V());
	}
	V& operator[](const K& Key)
	{
		V* Found = Find(Key);
		check(Found != nullptr);
		return *Found;
	}
	bool RemoveAndCopyValue(const K& Key, V& OutRemovedValue)
	{
		V* Found = Find(Key);
		if (!Found)
		{
			return false;
		}
		OutRemovedValue = *Found;
		Remove(Key);
		return true;
	}
	int32 Num() const { return (int32)Pairs.size(); }
	void Reset() { Pairs.clear(); }
	void Empty() { Pairs.clear(); }
	typename std::vector<TPair<K, V>>::iterator begin() { return Pairs.begin(); }
	typename std::vector<TPair<K, V>>::iterator end() { return Pairs.end(); }
	typename std::vector<TPair<K, V>>::const_iterator begin() const { return Pairs.begin(); }
	typename std::vector<TPair<K, V>>::const_iterator end() const { return Pairs.end(); }

private:
	TPair<K, V>* FindPair(const K& Key)
	{
		for (TPair<K, V>& Pair : Pairs)
		{
			if (Pair.Key == Key)
			{
				return &Pair;
			}
		}
		return nullptr;
	}
	const TPair<K, V>* FindPair(const K& Key) const { return const_cast<TMap*>(this)->FindPair(Key); }

	std::vector<TPair<K, V>> Pairs;
};

template <typename T> using TFunction = std::function<T>;
template <typename T> using TFunctionRef = std::function<T>;
template <typename T> using TUniqueFunction = std::function<T>;

// ---- shared pointers -----------------------------------------------------------------------------------
enum class ESPMode : uint8 { NotThreadSafe = 0, ThreadSafe = 1 };

template <typename T, ESPMode Mode = ESPMode::ThreadSafe> class TSharedRef;

template <typename T, ESPMode Mode = ESPMode::ThreadSafe>
class TSharedPtr
{
public:
	TSharedPtr() = default;
	TSharedPtr(decltype(nullptr)) {}
	template <typename U> TSharedPtr(const TSharedPtr<U, Mode>& Other) : Ptr(Other.Std()) {}
	template <typename U> TSharedPtr(const TSharedRef<U, Mode>& Other) : Ptr(Other.Std()) {}
	bool IsValid() const { return (bool)Ptr; }
	explicit operator bool() const { return (bool)Ptr; }
	void Reset() { Ptr.reset(); }
	T* Get() const { return Ptr.get(); }
	T* operator->() const { return Ptr.get(); }
	T& operator*() const { return *Ptr; }
	TSharedRef<T, Mode> ToSharedRef() const;
	const std::shared_ptr<T>& Std() const { return Ptr; }
	explicit TSharedPtr(std::shared_ptr<T> In) : Ptr(std::move(In)) {}

private:
	std::shared_ptr<T> Ptr;
};

template <typename T, ESPMode Mode>
class TSharedRef
{
public:
	template <typename U> TSharedRef(const TSharedRef<U, Mode>& Other) : Ptr(Other.Std()) {}
	T* operator->() const { return Ptr.get(); }
	T& operator*() const { return *Ptr; }
	T& Get() const { return *Ptr; }
	const std::shared_ptr<T>& Std() const { return Ptr; }
	explicit TSharedRef(std::shared_ptr<T> In) : Ptr(std::move(In)) {}

private:
	std::shared_ptr<T> Ptr;
};

template <typename T, ESPMode Mode>
TSharedRef<T, Mode> TSharedPtr<T, Mode>::ToSharedRef() const { return TSharedRef<T, Mode>(Ptr); }

/** The engine's TWeakPtr: observes a shared object without keeping it alive; Pin() to use it. */
template <typename T, ESPMode Mode = ESPMode::ThreadSafe>
class TWeakPtr
{
public:
	TWeakPtr() = default;
	TWeakPtr(decltype(nullptr)) {}
	template <typename U> TWeakPtr(const TSharedPtr<U, Mode>& Shared) : Ptr(Shared.Std()) {}
	template <typename U> TWeakPtr(const TSharedRef<U, Mode>& Shared) : Ptr(Shared.Std()) {}
	TSharedPtr<T, Mode> Pin() const { return TSharedPtr<T, Mode>(Ptr.lock()); }
	bool IsValid() const { return !Ptr.expired(); }
	void Reset() { Ptr.reset(); }

private:
	std::weak_ptr<T> Ptr;
};

template <typename T, ESPMode Mode = ESPMode::ThreadSafe, typename... Args>
TSharedRef<T, Mode> MakeShared(Args&&... InArgs) { return TSharedRef<T, Mode>(std::make_shared<T>(std::forward<Args>(InArgs)...)); }

// ---- math ----------------------------------------------------------------------------------------------
struct FMath
{
	static bool IsFinite(double A);
	static double FloorToDouble(double F);
	template <typename T> static T Abs(const T A) { return A < 0 ? -A : A; }
	template <typename T> static T Clamp(const T X, const T Min, const T Max) { return X < Min ? Min : X < Max ? X : Max; }
};

// ---- logging -------------------------------------------------------------------------------------------
namespace ELogVerbosity
{
	enum Type : uint8 { NoLogging, Fatal, Error, Warning, Display, Log, Verbose, VeryVerbose, All };
}
struct FLogCategoryBase
{
	explicit FLogCategoryBase(const TCHAR* Name);
};
#define DECLARE_LOG_CATEGORY_EXTERN(CategoryName, DefaultVerbosity, CompileTimeVerbosity) \
	extern FLogCategoryBase CategoryName
#define DEFINE_LOG_CATEGORY(CategoryName) FLogCategoryBase CategoryName(TEXT(#CategoryName))
template <typename... Args> inline void HsLogFormatCheck(const TCHAR* Format, Args... InArgs) {}
#define UE_LOG(CategoryName, Verbosity, Format, ...) \
	((void)sizeof(CategoryName), (void)ELogVerbosity::Verbosity, HsLogFormatCheck(Format, ##__VA_ARGS__))

// ---- threads -------------------------------------------------------------------------------------------
bool IsInGameThread();

// ---- UObject -------------------------------------------------------------------------------------------
class UClass;
class UWorld;
class UObjectBase
{
};
class UObject : public UObjectBase
{
public:
	virtual ~UObject() = default;
	virtual UWorld* GetWorld() const;
	FString GetName() const;
};
class UClass : public UObject
{
};
class UScriptStruct : public UObject
{
};
class UPackage : public UObject
{
};
UPackage* GetTransientPackage();

template <typename T>
T* NewObject(UObject* Outer = (UObject*)GetTransientPackage(), FName Name = FName(), uint32 Flags = 0);

template <typename T>
const T* GetDefault();

template <typename T>
class TObjectPtr
{
public:
	TObjectPtr() = default;
	TObjectPtr(T* In) : Ptr(In) {}
	TObjectPtr(decltype(nullptr)) {}
	TObjectPtr& operator=(T* In) { Ptr = In; return *this; }
	TObjectPtr& operator=(decltype(nullptr)) { Ptr = nullptr; return *this; }
	operator T*() const { return Ptr; }
	T* operator->() const { return Ptr; }
	T* Get() const { return Ptr; }
	explicit operator bool() const { return Ptr != nullptr; }

private:
	T* Ptr = nullptr;
};

// The engine's TWeakObjectPtr<T> accepts a U* only when U* converts implicitly to T*: a `const T*` does not
// (hold a TWeakObjectPtr<const T> instead), so `TWeakObjectPtr<T> Weak(this)` in a const member function is an
// error there and here.
template <typename T>
class TWeakObjectPtr
{
public:
	TWeakObjectPtr() = default;
	TWeakObjectPtr(decltype(nullptr)) {}
	template <typename U, typename = std::enable_if_t<std::is_convertible_v<U*, T*>>>
	TWeakObjectPtr(U* In) : Ptr(In) {}
	template <typename U, typename = std::enable_if_t<std::is_convertible_v<U*, T*>>>
	TWeakObjectPtr(const TObjectPtr<U>& In) : Ptr(In.Get()) {}
	template <typename U, typename = std::enable_if_t<std::is_convertible_v<U*, T*>>>
	TWeakObjectPtr(const TWeakObjectPtr<U>& Other) : Ptr(Other.Get()) {}
	template <typename U, typename = std::enable_if_t<std::is_convertible_v<U*, T*>>>
	TWeakObjectPtr& operator=(U* In) { Ptr = In; return *this; }
	TWeakObjectPtr& operator=(decltype(nullptr)) { Ptr = nullptr; return *this; }
	T* Get() const { return Ptr; }
	T* operator->() const { return Ptr; }
	bool IsValid() const { return Ptr != nullptr; }
	explicit operator bool() const { return IsValid(); }
	void Reset() { Ptr = nullptr; }
	friend bool operator==(const TWeakObjectPtr& A, const TWeakObjectPtr& B) { return A.Ptr == B.Ptr; }
	friend bool operator!=(const TWeakObjectPtr& A, const TWeakObjectPtr& B) { return A.Ptr != B.Ptr; }

private:
	T* Ptr = nullptr;
};

#include "Containers/EnumAsByte.h"
#include "Delegates/Delegate.h"
