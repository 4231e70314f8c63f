import json, collections
P='/work/wt/catalog-fix/assets/catalog/arrangements.json'
d=json.load(open(P), object_pairs_hook=collections.OrderedDict)
A={a['id']:a for a in d['arrangements']}
O=collections.OrderedDict
def L(en,fr): return O([('en',en),('fr',fr)])
def S(publisher,title,date,excerpt,url=None,via=None,desc=False,primary=False):
    s=O(); s['publisher']=publisher; s['title']=title
    if desc: s['titleIsDescription']=True
    s['date']=date
    if url: s['url']=url
    if via: s['via']=via
    if primary: s['primary']=True
    s['excerpt']=excerpt
    assert len(excerpt)<=500, (title,len(excerpt))
    return s
def step(status,date,source,by=None,note=None,scope=None,subject=None,dateOfReport=False):
    s=O(); s['status']=status; s['date']=date
    if dateOfReport: s['dateOfReport']=True
    if by: s['by']=by
    s['source']=source
    if scope: s['scope']=scope
    if subject: s['subject']=subject
    if note: s['note']=note
    return s

# 0 seed
a=A['fb-us-banks-messenger-2018']
a['summary']=L("The Wall Street Journal reported that Facebook had asked JPMorgan Chase, Citigroup, Wells Fargo and U.S. Bancorp for detailed customer financial data to offer services in Messenger. According to AFP's source, Chase ended the talks. Facebook confirmed working with banks on chat and account management, and denied actively asking for transaction data or using it for ads.",
 "Le Wall Street Journal a rapporté que Facebook avait demandé à JPMorgan Chase, Citigroup, Wells Fargo et U.S. Bancorp des données financières détaillées sur leurs clients pour proposer des services dans Messenger. Selon la source de l'AFP, Chase a mis fin aux discussions. Facebook a confirmé travailler avec des banques sur le chat et la gestion de compte, et nié demander activement des données de transactions ou les utiliser pour la publicité.")
a['status']=[
 step('reported','2018-08-06',0,note=L("The WSJ said the approaches were made over the previous year; U.S. Bancorp was named by the WSJ, not by AFP's source.","Selon le WSJ, les demandes ont été faites au cours de l'année précédente ; U.S. Bancorp est citée par le WSJ, pas par la source de l'AFP.")),
 step('ended','2018-08-06',1,by='jpmorgan-chase',dateOfReport=True,note=L("Reported on 6 August 2018; the date Chase ended the talks is not given. According to AFP's source, Chase ended them; JPMorgan told the WSJ it does not share customers' off-platform transaction data. Citi said privacy comes first; Wells Fargo declined to comment.","Rapporté le 6 août 2018 ; la date du retrait de Chase n'est pas précisée. Selon la source de l'AFP, Chase a mis fin aux discussions ; JPMorgan a dit au WSJ ne pas partager les données des transactions de ses clients effectuées hors de sa plateforme. Citi a dit placer la confidentialité en premier ; Wells Fargo a refusé de commenter.")),
 step('confirmed','2018-08-06',2,by='facebook',
  scope=L("confirmed working with banks on customer chat and account management in Messenger; denied actively asking for transaction data and said the data is not used for ads","a confirmé travailler avec des banques sur le chat client et la gestion de compte dans Messenger ; a nié demander activement des données de transactions et dit ne pas les utiliser pour la publicité"),
  note=L("Facebook's statement of 6 August 2018, given to AFP and other outlets: account linking is opt-in.","Déclaration de Facebook du 6 août 2018, faite à l'AFP et à d'autres médias : la liaison des comptes est facultative.")),
]
a['sources']=[
 S('The Wall Street Journal',"Facebook to Banks: Give Us Your Data, We'll Give You Our Users",'2018-08-06',
   "The social-media giant has asked large U.S. banks to share detailed financial information about their customers, including card transactions and checking-account balances, as part of an effort to offer new services to users.",
   url='https://pjmedia.com/instapundit/304147/',via='PJ Media (quotation), 2018-08-07'),
 S('AFP',"Etats-Unis : Facebook veut avoir accès aux données des clients de banques",'2018-08-06',
   "Le célèbre réseau social a tenu il y a plusieurs mois des discussions avec Chase, la banque de détail de JPMorgan, Citi (Citigroup) et Wells Fargo, a ajouté sous couvert de l'anonymat cette source, ajoutant que Chase avait mis fin à ces négociations. […] En échange, le groupe proposait aux établissements bancaires de placer sur Messenger, qui revendique 1,3 milliard d'utilisateurs actifs, certaines de leurs offres.",
   url='https://francetvinfo.fr/internet/reseaux-sociaux/facebook/etats-unis-facebook-veut-avoir-acces-aux-donnees-des-clients-de-banques_2884847.html',via='franceinfo'),
 S('AFP',"Facebook asks US banks to share customer data; plays down privacy fears",'2018-08-07',
   "Facebook confirmed the effort in a statement to AFP, but said it was not asking for transaction data. \"Like many online companies with commerce businesses, we partner with banks and credit card companies to offer services like customer chat or account management,\" Facebook said.",
   url='https://www.domain-b.com/companies/companies_f/facebook/20180807_privacy_fears.html',via='domain-b (AFP and WSJ relay)'),
 S('New York Post',"Facebook asks banks to give up your financial info: report",'2018-08-06',
   "Facebook denied that it’s asking for transaction data in statement Monday, but admitted it’s looking into linking users’ financial transactions to updates that could be received in its messaging service. “A recent WSJ story implies incorrectly that we are actively asking financial services companies for financial transaction data — this is not true,” Facebook said in statement.",
   url='https://www.chicagotribune.com/business/ct-biz-facebook-banks-financial-information-20180806-story.html',via='Chicago Tribune'),
 S('AFP',"AFP French wire on Facebook's requests for bank customers' data, with Facebook's statement",'2018-08',
   "\"Comme plusieurs entreprises internet avec des activités commerciales, nous nous associons à des banques et des émetteurs de cartes bancaires pour offrir des services comme le chat (une messagerie instantanée) avec les clients et la gestion de compte\", a répondu à l'AFP une porte-parole.",
   url='https://information.tv5monde.com/info/usa-facebook-veut-acceder-aux-donnees-bancaires-de-ses-utilisateurs-253757',via='TV5Monde',desc=True),
 S('Génération NT',"Génération NT article on the WSJ report on Facebook, banks and Messenger",'2018-08',
   "Facebook aurait notamment demandé aux banques des informations sur les commerces avec lesquels elles traitent en contrepartie du placement d'offres sur Messenger.",
   url='https://www.generation-nt.com/facebook-acces-donnees-bancaires-messenger-actualite-1956367.html',desc=True),
]

# 1 google-amazon
a=A['google-amazon-bank-approaches-2018']
a['status']=[step('reported','2018-08',0,dateOfReport=True,note=L("Known only through Génération NT’s French summary of the WSJ story of 6 August 2018; the WSJ text itself was not read for this item, and no bank was named.","Connu uniquement par le résumé en français de Génération NT de l'article du WSJ du 6 août 2018 ; le texte du WSJ lui-même n’a pas été consulté pour ce point, et aucune banque n’est nommée."))]
a['sources']=[S('Génération NT',"Génération NT article on the WSJ report on Facebook, banks and Messenger",'2018-08',
   "Le quotidien américain souligne que Alphabet (maison-mère de Google) et Amazon auraient aussi approché des banques pour le partage de données, et dans le but de proposer des services bancaires dits basiques sur des applications comme Google Assistant et Alexa.",
   url='https://www.generation-nt.com/facebook-acces-donnees-bancaires-messenger-actualite-1956367.html',desc=True)]

# 2 market value
a=A['context-fb-market-value-2018']
a['summary']=L("On 26 July 2018 Facebook's shares closed at $176.26, down about 19%. About $119.1 billion of market value was lost, which CNBC called the largest one-day loss in market value in US stock market history. Context only; not a data arrangement.",
 "Le 26 juillet 2018, l'action Facebook a clôturé à 176,26 $, en baisse d'environ 19 %. Environ 119,1 milliards de dollars de valeur boursière ont été perdus, la plus forte perte en une journée de l'histoire de la bourse américaine selon CNBC. Élément de contexte, pas un partage de données.")
a['status']=[step('reported','2018-07-26',0)]
a['sources']=[
 S('Dow Jones Market Data',"Dow Jones Market Data note on Facebook's one-day loss in market value",'2018-07-26',
   "Facebook, Inc. Class A (FB) closed at $176.26, down $41.24 or 18.96% -- Lost $119.1 billion in market cap today",
   via='4-traders',desc=True),
 S('CNBC',"Facebook’s $100 billion-plus rout is the biggest loss in stock market history",'2018-07-26',
   "Facebook on Thursday posted the largest one-day loss in market value by any company in U.S. stock market history after releasing a disastrous quarterly report.",
   via='pointofview.net (copy)'),
]

# 3 google-mastercard
a=A['google-mastercard-store-sales-2018']
a['summary']=L("Bloomberg reported that Google paid millions of dollars, after about four years of negotiation, for Mastercard transaction data used to tell advertisers whether online ads led to store sales. The report rests on people with knowledge of the deal; Google and Mastercard declined to comment on the specific partnership.",
 "Bloomberg a rapporté que Google avait payé des millions de dollars, après environ quatre ans de négociation, pour des données de transactions Mastercard servant à dire aux annonceurs si leurs publicités en ligne menaient à des ventes en magasin. L'information repose sur des personnes au fait de l'accord ; Google et Mastercard n'ont pas commenté ce partenariat précis.")
a['dataDetail']=L("US Mastercard transactions; advertisers saw aggregate sales figures, only for people logged into a Google account who had not opted out of ad tracking.","Des transactions Mastercard aux États-Unis ; les annonceurs voyaient des chiffres de ventes agrégés, seulement pour les personnes connectées à un compte Google n'ayant pas refusé le suivi publicitaire.")
a['purpose']=L("Google's Store Sales Measurement tool, open to select advertisers since 2017, which links online ads to sales in physical stores.","L'outil Store Sales Measurement de Google, ouvert à certains annonceurs depuis 2017, qui relie publicités en ligne et ventes en magasin.")
a['status']=[step('reported','2018-08-30',0,note=L("Google said its double-blind encryption keeps personal information from both sides; Mastercard said no individual transaction or personal data is handed over.","Google a dit que son chiffrement « en double aveugle » protège les informations personnelles des deux côtés ; Mastercard a dit ne transmettre ni transactions individuelles ni données personnelles."))]
a['sources']=[
 S('Bloomberg',"Google and Mastercard Cut a Secret Ad Deal to Track Retail Sales",'2018-08-30',
   "Alphabet Inc.’s Google and Mastercard Inc. brokered a business partnership during about four years of negotiations, according to four people with knowledge of the deal, three of whom worked on it directly. […] Google paid Mastercard millions of dollars for the data, according to two people who worked on the deal",
   url='https://www.bloomberg.com/news/articles/2018-08-30/google-and-mastercard-cut-a-secret-ad-deal-to-track-retail-sales',via='b12partners.net and Boing Boing (quotations)'),
 S('Finextra',"Finextra article on Google buying Mastercard data to link ads with in-store purchases",'2018',
   "Google and Mastercard declined to comment on their specific partnership. […] Mastercard says that no individual transaction or personal data is handed over […] The data only applies to people who are logged into a Google account and have not opted out of ad tracking.",
   url='https://finextra.com/newsarticle/32595/google-bought-mastercard-data-to-link-ads-with-in-store-purchases',desc=True),
]

# 4 partner categories
a=A['fb-partner-categories-data-brokers-ended-2018']
a['summary']=L("Facebook's Partner Categories let advertisers target users with offline data from data brokers such as Acxiom, Experian, Oracle Data Cloud (Datalogix), Epsilon and TransUnion, and from WPP agencies. Facebook announced on 28 March 2018 that it would shut the programme down over six months.",
 "Les « Partner Categories » de Facebook permettaient aux annonceurs de cibler les utilisateurs avec des données hors ligne de courtiers comme Acxiom, Experian, Oracle Data Cloud (Datalogix), Epsilon et TransUnion, et d'agences de WPP. Facebook a annoncé le 28 mars 2018 la fermeture du programme en six mois.")
a['dataDetail']=L("Offline consumer data such as purchases with store rewards cards, and financial and demographic segments such as \"likely investor\".","Des données de consommation hors ligne comme les achats avec une carte de fidélité, et des segments financiers et démographiques comme « investisseur probable ».")
a['purpose']=L("Ad targeting inside Facebook.","Le ciblage publicitaire dans Facebook.")
a['status']=[step('ended','2018-03-28',0,by='facebook',note=L("Facebook announced the shutdown on this date, with a six-month wind-down. The WSJ also reported that Facebook would stop giving anonymised data to brokers for ad measurement.","Facebook a annoncé la fermeture ce jour-là, étalée sur six mois. Le WSJ a aussi rapporté que Facebook cesserait de fournir des données anonymisées aux courtiers pour la mesure publicitaire."))]
a['sources']=[
 S('Politico',"Facebook cuts off data brokers",'2018-03-28',
   "The massive data caches at issue are collected and sold by companies like Acxiom, Experian, and Oracle Data Cloud. They enable advertisers to use the Facebook ad platform to go after customers based on offline behavioral or demographic details like, says Facebook on a page advertising the program, whether a user is a “homeowner, shampoo buyer, or likely investor.”",
   url='https://www.politico.com/story/2018/03/28/facebook-data-brokers-491177'),
 S('The Wall Street Journal (Dow Jones)',"Dow Jones report on Facebook curbing information from outside data brokers",'2018-03-28',
   "Facebook said it is ending an ad-targeting option called Partner Categories that lets such data brokers target specific groups of Facebook users […] In addition, Facebook is halting its practice of providing anonymized data from its platform to such information brokers that they use to measure the effectiveness of their ad campaigns, said people familiar with the matter.",
   url='https://advfn.com/stock-market/NASDAQ/ACXM/stock-news/77061081/facebook-curbing-information-from-outside-data-brokers',via='ADVFN (copy)',desc=True),
 S('The Washington Post',"Facebook, longtime friend of data brokers, becomes their stiffest competition",'2018-03-29',
   "Facebook said late Wednesday that it would stop data brokers from helping advertisers target people with ads […] A marketer who wanted to target new mothers, for instance, could use the data brokers' information to send Facebook ads to all women who bought baby formula with a store rewards card.",
   url='https://www.washingtonpost.com/news/the-switch/wp/2018/03/29/facebook-longtime-friend-of-data-brokers-becomes-their-stiffest-competition/'),
 S('officialtop10.com',"Facebook tears up data deals with Acxiom and Experian",'2018-03',
   "Facebook is to pull the plug on third-party data partnerships – including lucrative deals with Acxiom, Experian and Epsilon […] the move also affects scores of other companies, including Oracle Data Cloud and TransUnion, as well as a number of WPP agencies.",
   via='copy; original outlet not named'),
]

# 5 fb pay
a=A['fb-pay-ads-2019']
a['summary']=L("Facebook introduced Facebook Pay (later Meta Pay) on 12 November 2019 for payments across Facebook, Messenger, Instagram and WhatsApp, funded by cards or PayPal. Facebook's privacy post said purchase activity may be used for ads and content, and that card and bank account numbers are not used for ad personalisation.",
 "Facebook a lancé Facebook Pay (devenu Meta Pay) le 12 novembre 2019 pour payer dans Facebook, Messenger, Instagram et WhatsApp, avec une carte ou PayPal. Le billet de Facebook sur la vie privée disait que les achats peuvent servir à la publicité et aux contenus, mais que les numéros de carte et de compte ne servent pas à personnaliser les publicités.")
a['status']=[
 step('confirmed','2019-11-12',0,by='facebook',note=L("Facebook described in its own privacy post what it does with payment information. It launched first in the US, on Facebook and Messenger.","Facebook a décrit dans son propre billet sur la vie privée ce qu'il fait des informations de paiement. Lancement d'abord aux États-Unis, sur Facebook et Messenger.")),
 step('confirmed','2022',1,by='meta',note=L("The Meta Pay help page (2022 copy) still used the same wording.","La page d'aide de Meta Pay (copie de 2022) reprenait la même formulation.")),
]
a['sources']=[
 S('Facebook',"Privacy Matters: Facebook Pay",'2019-11-12',
   "As with previous payment options on our apps, when you make payments with Facebook Pay, we'll collect information about the purchase such as the payment method, transaction date, billing, shipping and contact details. […] The card and bank account numbers you provide will not be used to personalize your experience or inform the ads you see.",
   url='https://www.marketscreener.com/FACEBOOK-10547141/news/Privacy-Matters-Facebook-Pay-29567245/',via='MarketScreener (copy)',primary=True),
 S('Meta (Instagram Help Center)',"What does Meta Pay do with my payment information?",'2022',
   "As with our other products, the actions you take on Facebook and Instagram, including with Meta Pay, can be used for purposes such as to deliver you more relevant content and ads, to provide customer support, and to promote safety and integrity",
   url='https://help.instagram.com/769358617347044',primary=True),
 S('televisor.co.uk',"What you buy with Facebook Pay could affect the ads you see",'2019-11',
   "The project, which Facebook says is separate from Libra, its cryptocurrency project, will debut this week in the U.S. on Facebook and Messenger, and later on Instagram and WhatsApp. Users can connect their PayPal account and debit or credit cards to Facebook Pay",
   url='https://www.televisor.co.uk/global/technology/what-you-buy-with-facebook-pay-could-affect-the-ads-you-see/111222',via='copy; original outlet not named'),
]
json.dump(d, open(P,'w'), ensure_ascii=False, indent=2); open(P,'a').write('\n')
print('ok')
