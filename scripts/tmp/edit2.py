exec(open('/work/wt/catalog-fix/scripts/tmp/common.py').read())
# 6 RBC
a=A['fb-rbc-private-messages-2018']
a['summary']=L("The New York Times reported on 18 December 2018 that Facebook's records described Royal Bank of Canada, with Spotify and Netflix, as able to read, write and delete users' Messenger messages. RBC denied being able to see messages. In January 2019 a Facebook spokesperson told The Tyee that RBC could read, write and delete messages of users of its app between 2013 and 2015; Canada's privacy commissioner opened an investigation, later closed without published findings.",
 "Le New York Times a rapporté le 18 décembre 2018 que des documents de Facebook décrivaient la Banque Royale du Canada (RBC), comme Spotify et Netflix, comme capable de lire, écrire et supprimer les messages Messenger des utilisateurs. RBC a nié pouvoir voir les messages. En janvier 2019, un porte-parole de Facebook a dit à The Tyee que RBC pouvait lire, écrire et supprimer les messages des utilisateurs de son application entre 2013 et 2015 ; le commissariat à la protection de la vie privée a ouvert une enquête, close ensuite sans conclusions publiées.")
a['dataDetail']=L("Users' Messenger messages (read, write and delete privileges, as the records were reported to describe) and the participants in a conversation.","Les messages Messenger des utilisateurs (droits de lecture, d'écriture et de suppression, selon les documents rapportés) et les participants d'une conversation.")
a['purpose']=L("RBC said its use of Facebook was limited to a service letting clients send payments to their Facebook friends, which needed to identify recipients and deliver notifications.","RBC a dit que son usage de Facebook se limitait à un service permettant à ses clients d'envoyer des paiements à leurs amis Facebook, ce qui exigeait d'identifier les destinataires et d'envoyer des notifications.")
a['parties']=['facebook','messenger','rbc','opc-canada']
a['status']=[
 step('ended','2015',3,by='rbc',dateOfReport=False,note=L("RBC let customers connect to Facebook from 2013 and shut the service down in 2015, as The Tyee reported in January 2019.","RBC a permis à ses clients de se connecter à Facebook à partir de 2013 et a fermé le service en 2015, selon The Tyee en janvier 2019.")),
 step('reported','2018-12-18',0),
 step('denied','2018-12',1,by='rbc',note=L("RBC disputed the report: it said it did not have the ability to see users' messages.","RBC a contesté l'article : elle a dit ne pas avoir la possibilité de voir les messages des utilisateurs.")),
 step('confirmed','2019-01-30',3,by='facebook',dateOfReport=True,scope=L("confirmed that RBC could read, write and delete messages of users of its app (2013–2015); RBC says it did not use this","a confirmé que RBC pouvait lire, écrire et supprimer les messages des utilisateurs de son application (2013-2015) ; RBC dit ne pas s'en être servie"),note=L("Facebook's statement to The Tyee, published on 30 January 2019 and also carried by International Free Press. A statement attributed to Facebook in The Globe and Mail on 19 December 2018 (read and write, only write used) could not be found for this check.","Déclaration de Facebook à The Tyee, publiée le 30 janvier 2019 et reprise par International Free Press. Une déclaration attribuée à Facebook dans The Globe and Mail du 19 décembre 2018 (lecture et écriture, seule l'écriture utilisée) n'a pas pu être retrouvée pour cette vérification.")),
 step('reported','2019-02-08',4,by='opc-canada',note=L("The Privacy Commissioner told MPs on 31 January 2019 that his office was investigating complaints about RBC.","Le commissaire à la protection de la vie privée a dit aux députés le 31 janvier 2019 que son commissariat enquêtait sur des plaintes visant RBC.")),
 step('reported','2021-08-26',5,note=L("The Tyee reported that the Office of the Privacy Commissioner of Canada had quietly closed its investigation; its results were not published.","The Tyee a rapporté que le Commissariat à la protection de la vie privée du Canada avait discrètement clos son enquête ; ses résultats n'ont pas été publiés.")),
]
a['sources']=[
 S('The New York Times',"As Facebook Raised a Privacy Wall, It Carved an Opening for Tech Giants",'2018-12-18',
   "read, write and delete users’ private messages, and to see all participants on a thread — privileges that appeared to go beyond what the companies needed to integrate Facebook into their systems, the records show.",
   via='iPhone in Canada (quotation), 2019-02'),
 S('CBC News',"RBC disputes report that it had access to users' Facebook messages",'2018-12',
   "The Royal Bank of Canada is disputing a report in the New York Times that says the bank, along with many other companies, had the ability to read, write and delete users' messages on Facebook's messaging platform.",
   url='https://www.cbc.ca/news/business/facebook-data-privacy-1.4952060'),
 S('iPhone in Canada',"Privacy Commissioner Investigating Allegations RBC Could Read Private Facebook Messages",'2019-02',
   "“RBC’s use of the Facebook platform was limited to the development of a service that enabled clients to facilitate payment transactions to their Facebook friends,” the bank told CBC News in a statement […] “As part of our security and fraud protocols, we needed to uniquely identify the recipient of funds and payments to securely process the transaction and deliver the notification. We did not have the ability to see users’ messages,” the bank said.",
   url='https://www.iphoneincanada.ca/news/rbc-facebook-messages/'),
 S('The Tyee',"Yes, RBC Could Read Private Messages, Says Facebook",'2019-01-30',
   "It is now admitted by a Facebook spokesperson that RBC did in fact have the power to read, write and delete private messages by Facebook members using RBC’s banking app, as the New York Times reported. […] RBC began allowing customers to connect to Facebook in 2013 in order to send money transfers over the social media network, and shut down the service quietly in 2015.",
   url='https://internationalfreepress.com/2019/01/30/yes-rbc-could-read-private-messages-says-facebook/',via='International Free Press'),
 S('The Tyee',"Federal Privacy Commissioner Investigating Claims RBC Could Read Private Facebook Messages",'2019-02-08',
   "The federal government has launched an investigation into allegations the Royal Bank of Canada had access to the private Facebook messages of people using its app, Privacy Commissioner Daniel Therrien has told MPs. […] But last week a Facebook spokesperson told The Tyee that RBC did have the ability to read, write and delete private messages by Facebook members using its app between 2013 and 2015.",
   url='https://thetyee.ca/News/2019/02/08/RBC-Facebook-Private-Messages-Investigation/'),
 S('The Tyee',"Federal Privacy Commissioner Quietly Closed Investigation of RBC",'2021-08-26',
   "An investigation into allegations that select companies — including RBC, Canada’s largest bank — were given access to the private Facebook messages of people using their apps has been shut down by Canada’s privacy watchdog.",
   url='https://thetyee.ca/News/2021/08/26/Federal-Privacy-Commissioner-Quietly-Closed-RBC-Investigation/'),
]
# 7 Plex
a=A['google-plex-citi-2019-2021']
a['summary']=L("In November 2019 the WSJ reported that Google planned checking accounts in Google Pay run by Citigroup and Stanford Federal Credit Union (project Cache). In November 2020 Google announced Plex accounts with 11 US banks and credit unions. Google confirmed on 1 October 2021 that it had dropped the plan; Citi had more than 400,000 people on its waiting list.",
 "En novembre 2019, le WSJ a rapporté que Google prévoyait des comptes courants dans Google Pay gérés par Citigroup et la Stanford Federal Credit Union (projet Cache). En novembre 2020, Google a annoncé les comptes Plex avec 11 banques et coopératives de crédit américaines. Google a confirmé le 1er octobre 2021 l'abandon du projet ; Citi comptait plus de 400 000 personnes sur sa liste d'attente.")
a['dataDetail']=L("Checking and savings accounts held at the partner banks, with balances and transactions shown in the Google Pay app.","Des comptes courants et d'épargne tenus par les banques partenaires, avec soldes et opérations affichés dans l'application Google Pay.")
a['purpose']=L("Digital bank accounts in Google Pay with no monthly fees, overdraft charges or minimum balances.","Des comptes bancaires numériques dans Google Pay, sans frais mensuels, frais de découvert ni solde minimum.")
a['status']=[
 step('reported','2019-11-13',0),
 step('confirmed','2020-11',2,by='google',note=L("Google announced a waitlist for Plex accounts with Citi or Stanford FCU, and 11 partner banks and credit unions in all.","Google a annoncé une liste d'attente pour les comptes Plex chez Citi ou Stanford FCU, et 11 banques et coopératives partenaires en tout.")),
 step('ended','2021-10-01',2,by='google',note=L("Google said it would focus on digital enablement for banks rather than providing the accounts itself.","Google a dit vouloir se concentrer sur des outils numériques pour les banques plutôt que fournir lui-même ces comptes.")),
]
a['sources']=[
 S('Business Insider',"Google's next big thing is offering to be your personal bank",'2019-11-13',
   "The tech giant is creating checking accounts in partnership with Citigroup and the Stanford Federal Credit Union as part of a project codenamed Cache, which is expected to launch next year, The Wall Street Journal reported on Wednesday morning.",
   url='https://www.businessinsider.com/google-banking-citigroup-cache-checking-accounts-atm-2019-11'),
 S('CNBC',"CNBC report that Google will offer checking accounts next year",'2019-11-13',
   "The accounts for the project will be run by Citigroup and the Stanford Federal Credit Union. The Wall Street Journal was first to report the offering. […] Google does not intend to sell customers' data, Caesar Sengupta, an executive at the firm, told the Journal.",
   url='https://www.cnbc.com/2019/11/13/google-reportedly-offering-checking-accounts-next-year.html',desc=True),
 S('Android Authority',"Your dreams about a real Google Pay bank account have just been canceled",'2021-10-01',
   "Finally, in November 2020, Google, alongside the launch of the revamped Google Pay app, announced the launch of a waitlist to sign up for the Plex bank accounts, either through Citigroup or SFCU. The plan for Plex was for Google to offer checking and saving accounts via 11 banks and credit unions. The accounts would have had no monthly fees, overdraft charges, or minimum balances.",
   url='https://www.androidauthority.com/google-bank-account-canceled-3033890/'),
 S('FStech',"Google ‘pulls plug’ on Plex digital account plan",'2021-10',
   "Google Pay said last year that 11 US banks and credit unions, including minority-owned depository banks, would start offering co-branded Plex accounts on Google Pay from this year. […] The paper reported that Citi has more than 400,000 people on its Plex waiting list",
   url='https://www.fstech.co.uk/fst/Google_Pulls_Plug_On_Plex_Digital_Account_Plan.php'),
 S('Android Headlines',"Google Pay Plex Accounts Will Change The Way You Mobile Bank",'2020-11',
   "Users can check their Plex Account checking and savings balances at the top of the page. […] Additionally, there's an activity feed showing past transactions.",
   url='https://www.androidheadlines.com/2020/11/google-pay-plex-accounts-will-change-the-way-you-mobile-bank.html'),
]
# 8 Amazon checking
a=A['amazon-jpm-capitalone-checking-talks-2018']
a['summary']=L("The Wall Street Journal reported in March 2018 early-stage talks between Amazon and JPMorgan Chase and Capital One about a checking-account-like product for Amazon customers. The report relied on people familiar with the matter; no launch was found in the sources.",
 "Le Wall Street Journal a rapporté en mars 2018 des discussions préliminaires entre Amazon, JPMorgan Chase et Capital One sur un produit proche d'un compte courant pour les clients d'Amazon. L'article reposait sur des personnes au fait du dossier ; aucun lancement n'a été trouvé dans les sources.")
a['status']=[step('in-talks','2018-03',2,dateOfReport=True,note=L("Talks were at an early stage, according to the WSJ as relayed. JPMorgan and Capital One did not immediately respond to requests for comment.","Les discussions en étaient à un stade précoce, selon le WSJ cité. JPMorgan et Capital One n'ont pas répondu immédiatement aux demandes de commentaire."))]
a['sources']=[
 S('American Banker',"American Banker article on Amazon's talks with JPMorgan over checking accounts",'2018',
   "Amazon.com Inc. is in talks with JPMorgan Chase & Co. and Capital One Financial Corp. about offering the tech giant’s customers a product similar to a checking account, The Wall Street Journal reported. […] The strategy would help Amazon lower fees it pays to financial firms and give it a bigger window into customers’ income and spending habits, according to the report.",
   url='https://americanbanker.com/articles/amazon-in-talks-with-jpmorgan-over-checking-accounts-report-says',desc=True),
 S('Finextra',"Finextra article on Amazon's talks with banks over a checking account",'2018',
   "Talks are at an early stage and the exact shape of any product and what services it would include has not been finalised, although it would be targeted at younger people and those without bank accounts, says the Journal, citing sources.",
   url='https://www.finextra.com/newsarticle/31768/amazon-talks-to-banks-over-checking-account---wsj',desc=True),
 S('ABC11',"Amazon in talks with JPMorgan Chase to offer checking accounts",'2018-03-06',
   "According to the Wall Street Journal, the online retailer is exploring the idea with JP Morgan Chase and Capital One Financial. The goal is to appeal to younger customers and those without credit or bank accounts.",
   url='https://abc11.com/news/3180904/'),
]
# 9 CapOne Alexa
a=A['capital-one-alexa-2016']
a['summary']=L("On 11 March 2016 Capital One launched an Alexa skill for balances, recent transactions, payment due dates and bill payments; it was the first bank skill for Alexa. American Express (May 2017) and USAA later added Alexa skills.",
 "Le 11 mars 2016, Capital One a lancé une « skill » Alexa pour consulter soldes, opérations récentes et échéances, et payer ses factures ; c'était la première d'une banque sur Alexa. American Express (mai 2017) et USAA ont ensuite proposé les leurs.")
a['dataDetail']=L("Balances, recent transactions, payment due dates and bill payments. Users linked the skill with their bank username and password and set a PIN.","Soldes, opérations récentes, échéances et paiement de factures. Les utilisateurs reliaient la skill avec leur identifiant et mot de passe bancaires et choisissaient un code PIN.")
a['status']=[step('confirmed','2016-03-11',0,by='capital-one',note=L("Capital One said account information is encrypted and that Amazon cannot access it.","Capital One a dit que les informations de compte sont chiffrées et qu'Amazon n'y a pas accès."))]
a['sources']=[
 S('TechCrunch',"Amazon Alexa can now pay your Capital One bill",'2016-03-11',
   "Capital One announced this morning the rollout of a new “skill” (like an app for Alexa-powered devices), which will allow consumers to do their banking by voice, including checking balances, reviewing transactions, making payments, and more.",
   url='https://fintechranking.com/2016/03/11/amazon-alexa-can-now-pay-your-capital-one-bill/',via='fintechranking (copy)'),
 S('Android Central',"Android Central article on Capital One customers using Amazon Echo",'2016',
   "In terms of security, Capitaol One says a customer's account information will be encrypted and that Amazon won't be able to access it. To further manage access and because Alexa is not tied to any one speaker, the Capital One skill will ask bank customers to add a pin number.",
   url='https://www.androidcentral.com/capital-one-customers-can-keep-track-their-money-and-pay-bills-amazon-echo',desc=True),
 S('CreditCards.com',"Alexa will give you your credit card balance – if you ask her correctly",'2017-08',
   "Capital One, American Express and USAA Labs have rolled out Alexa skills […] Capital One was first with an Alexa skill, rolling it out at the 2016 SXSW conference. AmEx on Alexa debuted in May",
   url='https://blogs.creditcards.com/2017/08/alexa-will-give-you-your-credit-card-balance-if-you-ask-her-correctly.php'),
]
# 10 Amex bot
a=A['amex-messenger-bot-2016']
a['summary']=L("American Express's bot for Facebook Messenger sent cardholders a message for each purchase made with a linked card, and benefit reminders. It debuted at the Cannes Lions festival in 2016 and was described as Messenger's first financial-services bot.",
 "Le bot d'American Express pour Facebook Messenger envoyait aux titulaires un message pour chaque achat fait avec une carte liée, ainsi que des rappels d'avantages. Présenté au festival Cannes Lions en 2016, il a été décrit comme le premier bot de services financiers de Messenger.")
a['dataDetail']=L("For each purchase, a notification with the amount and the merchant; later, information on card benefits linked to the purchase.","Pour chaque achat, une notification avec le montant et le commerçant ; ensuite, des informations sur les avantages de la carte liés à l'achat.")
a['purpose']=L("Transaction notifications and customer engagement. Whether the bot still runs today was not checked.","Notifications de transactions et fidélisation. Le fonctionnement actuel du bot n'a pas été vérifié.")
a['status']=[step('confirmed','2016',0,by='american-express',note=L("Debuted at Cannes Lions in 2016 (exact day not confirmed). In 2017 American Express described the bot's notifications in an interview with eMarketer.","Présenté à Cannes Lions en 2016 (jour exact non confirmé). En 2017, American Express a décrit les notifications du bot dans un entretien avec eMarketer."))]
a['sources']=[
 S('American Banker',"Amex's aggressive, hands-on strategy for Facebook Messenger bots",'2017',
   "Amex was Facebook Messenger's first financial services bot and continues to evolve into a more robust tool. […] Amex’s chatbot debuted at the 2016 Cannes Lion International Festival of Creativity, featuring transaction notifications and benefit reminders. Every time a purchase is made, the chatbot sends a notification outlining the transaction.",
   url='https://www.americanbanker.com/payments/news/amexs-aggressive-hands-on-strategy-for-facebook-chatbots'),
 S('eMarketer',"Helping Consumers 'Get' Facebook Messenger Bots",'2017-07-26',
   "For example, our initial bot delivered transaction notifications to cardholders, so that they received an alert when their card was being used. […] If someone buys a couch at Crate and Barrel, we push through a notification saying, “You just spent $500 at Crate and Barrel on this item,”",
   url='https://retail.emarketer.com/article/helping-consumers-get-facebook-messenger-bots/597909adebd40005284d5ce8'),
]
# 11 PayPal Messenger
a=A['paypal-messenger-2016-2017']
a['dataDetail']=L("PayPal accounts linked to Facebook and Messenger, receipts and other notifications, and person-to-person payments; 2.5 million accounts were linked by October 2017, PayPal said.","Comptes PayPal liés à Facebook et Messenger, reçus et autres notifications, et paiements entre particuliers ; 2,5 millions de comptes étaient liés en octobre 2017, selon PayPal.")
a['status']=[
 step('confirmed','2016-10',0,by='paypal'),
 step('confirmed','2017-10-20',1,by='paypal',note=L("Person-to-person payments funded by PayPal were added in Messenger, with a PayPal customer-service bot.","Les paiements entre particuliers financés par PayPal ont été ajoutés dans Messenger, avec un bot de service client PayPal.")),
]
a['sources']=[
 S('Retail Dive',"Retail Dive brief on PayPal's new payment features through Facebook Messenger",'2016-10',
   "PayPal announced new capabilities in alignment with Facebook Messenger, including expanded availability of PayPal as a purchase option across Facebook’s commerce experiences for U.S. consumers. - Other new features include making it easier for customers to link their PayPal accounts to Facebook and Messenger at PayPal checkout, and allowing U.S. consumers to receive notifications via Messenger, like receipts for PayPal transactions.",
   url='https://retaildive.com/news/paypal-adds-new-payment-features-through-facebook-messenger/428941',desc=True),
 S('Tech Times',"Tech Times article on PayPal payments in Facebook Messenger",'2017-10-21',
   "PayPal users in the United States can now make peer-to-peer payments over Facebook Messenger, the company announced Friday, Oct. 20. […] This is huge. PayPal says 2.5 million accounts have already linked their account with Messenger",
   url='https://techtimes.com/articles/214642/20171021/facebook-messenger-now-allows-paypal-payments-here-s-how.htm',desc=True),
 S('The Billfold',"You Can Now Use PayPal in Facebook Messenger",'2017-10',
   "This new PayPal bot for Messenger will enable people to have meaningful customer service interactions, such as resetting passwords, handling account inquiries,",
   url='https://www.thebillfold.com/2017/10/you-can-now-use-paypal-in-facebook-messenger/'),
]
# 12 Wells Fargo
a=A['wells-fargo-messenger-ai-pilot-2017']
a['status']=[step('confirmed','2017-04',0,by='wells-fargo',note=L("Pilot announced by the bank in a statement (exact day not confirmed).","Pilote annoncé par la banque dans un communiqué (jour exact non confirmé)."))]
a['sources']=[S('Jacksonville Business Journal',"Wells Fargo to launch pilot with Facebook Messenger",'2017-04',
   "Wells Fargo & Co. is launching a pilot to test an artificial intelligence-driven experience through Facebook Messenger. […] “Our goal is to deliver information ‘in the moment’ to help customers make better informed financial decisions,” […] In May 2016, the bank adopted Messenger and its main channel for addressing customer questions and problems.",
   url='https://neflfinancialnews.wordpress.com/tag/wells-fargo/',via='NEFL Financial News (repost)')]
# 13 Hello bank
a=A['hellobank-bnp-messenger-chatbot']
a['summary']=L("Hello bank!, BNP Paribas's online bank in France, launched a chatbot in Facebook Messenger that answered about 380 frequent questions. A later report said its bots, also on Twitter and Google Assistant, let clients who logged in ask for their balance and pending operations, with no transactions.",
 "Hello bank!, la banque en ligne de BNP Paribas en France, a lancé dans Facebook Messenger un chatbot répondant à environ 380 questions fréquentes. Un article ultérieur indique que ses bots, aussi sur Twitter et Google Assistant, permettaient aux clients connectés de demander leur solde et leurs opérations en attente, sans transaction.")
a['status']=[step('confirmed','2018',0,by='hello-bank',note=L("Year not confirmed: Hello bank! said it launched the chatbot “last February”, but the articles as read carry no date; 2018 is an estimate. The balance lookups come from the undated Relation Client Mag item.","Année non confirmée : Hello bank! a dit avoir lancé le chatbot « en février dernier », mais les articles consultés ne sont pas datés ; 2018 est une estimation. La consultation du solde vient de l'article non daté de Relation Client Mag."))]
a['sources']=[
 S('cbanque.com',"Hello bank confie sa messagerie Facebook à un robot",'2018',
   "Les clients français de Hello bank peuvent désormais discuter sur Messenger, la messagerie instantanée de Facebook, avec un conseiller bancaire un peu spécial... Un chatbot, inauguré en février dernier par la banque en ligne. […] Aujourd’hui, il est capable de répondre à 380 questions sur des thématiques courantes",
   url='https://www.cbanque.com/actu/67799/hello-bank-confie-sa-messagerie-facebook-a-un-robot'),
 S('Relation Client Mag',"BNP Paribas et Hello bank! automatisent la gestion de compte bancaire",'2018',
   "Cette année, BNP Paribas et Hello bank! lancent des cas d'usage plus poussés: en se connectant avec ses identifiants, le client peut demander au chatbot le solde de son compte, les opérations en attente sur son relevé de compte ou prendre rendez-vous avec un conseiller. […] \"Nous demeurons dans une logique de consultation d'informations et non de transaction\"",
   url='https://www.relationclientmag.fr/Thematique/techno-ux-1256/Breves/BnP-Paribas-Hello-bank-automatisent-gestion-compte-bancaire-355699.htm'),
]
# 14 FIRE
a=A['meta-fire-uk-banks-2024']
a['status']=[step('confirmed','2024-10-02',1,by='meta',note=L("Meta, NatWest and Metro Bank confirmed the programme; more UK banks were scheduled to join. The pilot was facilitated by Stop Scams UK.","Meta, NatWest et Metro Bank ont confirmé le programme ; d'autres banques britanniques devaient le rejoindre. Le pilote a été mené avec Stop Scams UK."))]
a['sources']=[
 S('American Banker',"Meta program helps U.K. banks take down scammers' social accounts",'2024-10',
   "During the pilot stage, two banks shared fraud data with Meta: NatWest and Metro Bank. The intel enabled the social media platform to take down 20,000 accounts run by scammers, including Facebook and Instagram accounts, based on information from 185 URLs shared.",
   url='https://americanbanker.com/news/meta-program-helps-u-k-banks-take-down-scammers-social-accounts',desc=True),
 S('UPI',"Meta to expand partnership with British banks to catch scammers",'2024-10-02',
   "Meta on Tuesday said it would expand its information-sharing program with British banks that allows it to eliminate scammers and protect customers. The Fraud Intelligence Reciprocal Exchange, or FIRE, allows banks to share fraud intelligence directly with Meta […] Meta said that NatWest and Metro Banks were the first British banks to participate in the pilot program.",
   url='https://breitbart.com/news/meta-to-expand-partnership-with-british-bank-to-catch-scammers/amp',via='Breitbart (UPI copy)',desc=True),
 S('Stop Scams UK',"Meta and Stop Scams members announce FIRE expansion",'2024-10',
   "The Fraud Intelligence Reciprocal Exchange (FIRE) is a threat intelligence sharing programme for financial institutions, allowing banks to share intelligence with Meta directly so Meta can use it to stop scammers and protect users. Under the collaborative umbrella of Stop Scams UK, NatWest and Metro Bank are the first banks in the UK to participate in this pilot, with more scheduled to join.",
   url='https://stopscamsuk.org.uk/meta-and-stop-scams-members-announce-fire-expansion/'),
]
# 15 Markup
a=A['markup-tax-sites-meta-pixel-2022']
a['summary']=L("The Markup, with The Verge, reported on 22 November 2022 that H&R Block, TaxAct and TaxSlayer sent tax filers' data to Meta through the Meta Pixel; TaxAct also sent similar financial data, without names, to Google through Google Analytics. Ramsey SmartTax, which uses a version of TaxSlayer, was also named.",
 "The Markup, avec The Verge, a rapporté le 22 novembre 2022 que H&R Block, TaxAct et TaxSlayer envoyaient des données de contribuables à Meta via le Meta Pixel ; TaxAct envoyait aussi des données financières similaires, sans les noms, à Google via Google Analytics. Ramsey SmartTax, qui utilise une version de TaxSlayer, était aussi citée.")
a['status']=[step('reported','2022-11-22',0,note=L("Based on the Pixel Hunt project with Mozilla Rally. Meta said advertisers should not send sensitive data and that its system is designed to filter it out; H&R Block said it was taking steps to mitigate the sharing.","Fondé sur le projet Pixel Hunt avec Mozilla Rally. Meta a dit que les annonceurs ne doivent pas envoyer de données sensibles et que son système est conçu pour les filtrer ; H&R Block a dit prendre des mesures pour limiter ce partage."))]
a['sources']=[
 S('Fast Company',"Fast Company article on tax-prep companies sharing customer income data with Facebook",'2022-11-22',
   "Popular tax filing services such as TaxAct, TaxSlayer, and H&R Block have been quietly sharing sensitive information about their users—including names, email addresses, income, filing status, refund amounts, and dependents’ college scholarship amounts—with Facebook, via a widespread code called the Meta Pixel. A new report from The Markup, published in collaboration with The Verge on Tuesday, revealed these findings.",
   url='https://www.fastcompany.com/90815932/tax-prep-software-companies-shared-customer-income-data-facebook',desc=True),
 S('CNBC',"Popular tax prep software sent financial information to Meta: report",'2022-11',
   "The Markup also found that Tax Act had transmitted similar financial information to Google via its analytics tool, though that data did not include names. […] An H&R Block spokesperson said the company takes “protecting our clients’ privacy very seriously, and we are taking steps to mitigate the sharing o",
   url='https://sciencebook.xyz/popular-tax-prep-software-sent-financial-information-to-meta-report.html',via='sciencebook.xyz (copy)'),
 S('B&T',"B&T article on tax filing websites sending user financial information to Meta and Google",'2022-11',
   "TaxSlayer, meanwhile, sent personal information to Facebook as part of the the social media platform’s “advanced matching” system which gathers online information in order to try and link it to Facebook accounts. The information gathered on TaxSlayer’s site ranged from phone numbers and user names to the names of any dependents on the tax return.",
   url='https://www.bandt.com.au/tax-filing-websites-found-sending-user-financial-information-to-meta-google/',desc=True),
]
json.dump(d, open(P,'w'), ensure_ascii=False, indent=2); open(P,'a').write('\n')
print('ok')
